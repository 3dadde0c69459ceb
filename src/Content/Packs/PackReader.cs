using NodaTime;
using Reach.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>
/// Reads a content pack (a folder of YAML files) or one stored document into the content model,
/// reporting every problem as <c>file:line: field: message</c>. Content is returned only without errors.
/// </summary>
public static class PackReader
{
    public static readonly IReadOnlyList<string> TopLevelKeys = ["organisation", "sites", "services", "activities", "faq", "referrals", "safety", "holidays"];

    /// <summary>Reads every .yaml and .yml file below <paramref name="directory"/>.</summary>
    /// <param name="directory">The pack folder.</param>
    /// <param name="today">Today's date, for warnings about stale referrals; null skips them.</param>
    public static PackReadResult ReadDirectory(string directory, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return Failed(directory, "pack", $"no such folder: {directory}");
        }

        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Path: Path.GetRelativePath(directory, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return Failed(directory, "pack", "no .yaml or .yml file in this folder");
        }

        return Read(files, today);
    }

    /// <summary>Reads one document holding a single organisation's content, as stored by Reach.</summary>
    public static PackReadResult ReadDocument(string yaml, string name, LocalDate? today = null) =>
        Read([(name, yaml)], today);

    private static PackReadResult Failed(string file, string field, string message) =>
        new(null, [new Diagnostic(Severity.Error, file, 0, field, message)]);

    private static PackReadResult Read(IReadOnlyList<(string Path, string Text)> files, LocalDate? today)
    {
        var state = new PackState();
        var documents = new List<(string Path, YamlMappingNode Root)>();
        foreach (var (path, text) in files)
        {
            if (Parse(state, path, text) is { } root)
            {
                documents.Add((path, root));
            }
        }

        var scopes = OrganisationFolders(state, documents);
        var readers = new Dictionary<string, FolderContent>(StringComparer.Ordinal);
        foreach (var (path, root) in documents)
        {
            var scope = ScopeOf(path, scopes);
            var file = new FileReader(state, path, scope);
            if (!readers.TryGetValue(scope, out var folder))
            {
                readers[scope] = folder = new FolderContent();
            }

            ReadTopLevel(file, root, folder);
        }

        if (!documents.Exists(d => d.Root.Children.ContainsKey(new YamlScalarNode("organisation"))) && documents.Count > 0)
        {
            state.Report(Severity.Error, documents[0].Path, 1, "organisation", "no file of the pack has an 'organisation': put one in each organisation's folder");
        }

        var pack = Assemble(readers);
        PackChecks.Run(state, pack, readers, today);
        var diagnostics = state.Diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ToList();
        return new PackReadResult(diagnostics.Exists(d => d.Severity == Severity.Error) ? null : pack, diagnostics);
    }

    private static YamlMappingNode? Parse(PackState state, string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            state.Report(Severity.Error, path, (int)e.Start.Line, "yaml", $"this is not valid YAML: {message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            state.Report(Severity.Error, path, (int)stream.Documents[1].RootNode.Start.Line, "yaml", "a file holds one document: remove the '---' separator");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            state.Report(Severity.Error, path, (int)stream.Documents[0].RootNode.Start.Line, "yaml", $"a file is a map whose keys are {string.Join(", ", TopLevelKeys)}");
            return null;
        }

        return root;
    }

    private static HashSet<string> OrganisationFolders(PackState state, List<(string Path, YamlMappingNode Root)> documents)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, root) in documents)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode("organisation"), out var node))
            {
                continue;
            }

            var folder = FolderOf(path);
            if (!folders.TryAdd(folder, path))
            {
                state.Report(Severity.Error, path, (int)node.Start.Line, "organisation", $"the folder '{(folder.Length == 0 ? "." : folder)}' already has an organisation in {folders[folder]}: put each organisation in its own folder");
            }
        }

        return [.. folders.Keys];
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string ScopeOf(string path, HashSet<string> organisationFolders)
    {
        for (var folder = FolderOf(path); ; folder = FolderOf(folder))
        {
            if (organisationFolders.Contains(folder))
            {
                return "/" + folder;
            }

            if (folder.Length == 0)
            {
                return string.Empty;
            }
        }
    }

    private static void ReadTopLevel(FileReader file, YamlMappingNode root, FolderContent folder)
    {
        var map = new YamlMap(root, string.Empty, file, TopLevelKeys.ToArray());
        var outside = file.Scope.Length == 0;
        foreach (var key in TopLevelKeys.Where(k => map.Has(k) && k is not "organisation" and not "holidays"))
        {
            if (outside)
            {
                file.Error(map.LineOf(key), key, "is outside an organisation folder: put it in a folder whose files include an 'organisation'");
            }
        }

        if (map.Value("organisation") is { } organisation && ItemReader.Organisation(file, organisation) is { } org)
        {
            folder.Organisation ??= org;
        }

        folder.Sites.AddRange(map.List("sites", (n, p, i) => ItemReader.Site(file, n, p, i)));
        folder.Services.AddRange(map.List("services", (n, p, i) => ItemReader.Service(file, n, p, i)));
        folder.Activities.AddRange(map.List("activities", (n, p, i) => ItemReader.Activity(file, n, p, i)));
        folder.Faq.AddRange(map.List("faq", (n, p, i) => ItemReader.Faq(file, n, p, i)));
        folder.Referrals.AddRange(map.List("referrals", (n, p, i) => ItemReader.Referral(file, n, p, i)));
        folder.Safety.AddRange(map.List("safety", (n, p, i) => ItemReader.Safety(file, n, p, i)));
        folder.Holidays.AddRange(map.List("holidays", (n, p, i) => ItemReader.Holidays(file, n, p, i)));
    }

    private static ContentPack Assemble(Dictionary<string, FolderContent> folders)
    {
        var shared = folders.TryGetValue(string.Empty, out var root) ? root.Holidays : [];
        var organisations = folders
            .Where(f => f.Key.Length > 0 && f.Value.Organisation is not null)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new OrganisationContent(f.Value.Organisation!)
            {
                Sites = f.Value.Sites,
                Services = f.Value.Services,
                Activities = f.Value.Activities,
                Faq = f.Value.Faq,
                Referrals = f.Value.Referrals,
                Safety = f.Value.Safety,
                Holidays = [.. shared.Concat(f.Value.Holidays).OrderBy(h => h.Id, StringComparer.Ordinal)],
            })
            .ToList();
        return new ContentPack(organisations);
    }
}
