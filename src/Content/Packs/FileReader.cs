using Reach.Content.Model;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>The reading context of one file: where messages go and which organisation folder it belongs to.</summary>
internal sealed class FileReader(PackState state, string file, string scope)
{
    public string File { get; } = file;

    /// <summary>The organisation folder this file belongs to, or the empty string outside any.</summary>
    public string Scope { get; } = scope;

    public void Error(YamlNode node, string field, string message) =>
        state.Report(Severity.Error, File, (int)node.Start.Line, field, message);

    public void Error(int line, string field, string message) =>
        state.Report(Severity.Error, File, line, field, message);

    public void Warning(int line, string field, string message) =>
        state.Report(Severity.Warning, File, line, field, message);

    public SourceRef Source(YamlNode node) => new(File, (int)node.Start.Line);

    public void Declare(string id, ItemKind kind, YamlMap map) =>
        state.Ids.Add(new IdDeclaration(id, kind, Scope, File, map.LineOf("id"), map.FieldOf("id")));

    public void Refer(string? id, YamlMap map, string key, params ItemKind[] kinds)
    {
        if (id is not null)
        {
            state.References.Add(new Reference(id, kinds, Scope, File, map.LineOf(key), map.FieldOf(key)));
        }
    }

    public void Refer(string id, int line, string field, params ItemKind[] kinds) =>
        state.References.Add(new Reference(id, kinds, Scope, File, line, field));

    public void UseText(IReadOnlyCollection<string> languages, bool required, int line, string field) =>
        state.Texts.Add(new TextUse(languages, required, Scope, File, line, field));
}
