using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reach.Bot.Evaluation;

/// <summary>
/// A YAML case file: <c>organisation: sem</c> (optional) and
/// <c>cases: [{lang: ar, text: "…", expect: social-desk}, {text: "…", expect: none}]</c>;
/// <c>expect</c> may be a list of acceptable ids.
/// </summary>
public sealed record CaseSet(string? Organisation, IReadOnlyList<EvaluationCase> Cases)
{
    /// <summary>Reads a case file; a malformed one throws <see cref="FormatException"/> naming the line.</summary>
    public static CaseSet Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("cases"), out var casesNode) || casesNode is not YamlSequenceNode cases)
        {
            throw new FormatException($"{path}:1: expected a map with 'cases:', a list of {{lang, text, expect}}");
        }

        var organisation = root.Children.TryGetValue(new YamlScalarNode("organisation"), out var org) ? (org as YamlScalarNode)?.Value : null;
        var list = new List<EvaluationCase>();
        foreach (var node in cases.Children)
        {
            var line = (int)node.Start.Line;
            if (node is not YamlMappingNode map || Scalar(map, "text") is not { } text)
            {
                throw new FormatException($"{path}:{line}: a case needs 'text'");
            }

            var expect = map.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode)
                ? expectNode switch
                {
                    YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList(),
                    YamlScalarNode { Value: "none" or null or "" } => [],
                    YamlScalarNode scalar => [scalar.Value!],
                    _ => throw new FormatException($"{path}:{line}: 'expect' is an id, a list of ids, or none"),
                }
                : throw new FormatException($"{path}:{line}: a case needs 'expect' (an id, a list of ids, or none)");
            list.Add(new EvaluationCase(Scalar(map, "lang"), text, expect, line));
        }

        return new CaseSet(organisation, list);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
