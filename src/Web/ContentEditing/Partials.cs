namespace Reach.Web.ContentEditing;

/// <summary>The model of a rows partial (time slots, closures, sessions): the page, the field name and the rows.</summary>
public sealed record RowsPartial<T>(ItemEditorModel Page, string Name, IReadOnlyList<T> Rows);

/// <summary>One short text in every offered language, inside a row.</summary>
public sealed record LangInputs(string Id, string Name, string Label, IReadOnlyList<string> Languages, IReadOnlyDictionary<string, string> Values);
