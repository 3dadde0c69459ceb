using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Reach.Benchmarks;
using Reach.Benchmarks.Load;
using Reach.Benchmarks.Pages;
using Reach.Testing;

// `outbox` and `broadcast` are load commands that run for minutes against a real store, and `pages` times the web
// app's pages on a seeded store through a running Reach (see bench/README.md); anything else goes to BenchmarkDotNet.
if (LoadCommand.Handles(args))
{
    return await LoadCommand.RunAsync(args, Console.Out);
}

if (PagesCommand.Handles(args))
{
    return await PagesCommand.RunAsync(args, Console.Out);
}

// Every BenchmarkDotNet option works on the command line, e.g. `--filter '*' --job short` for a quick run
// or `--inProcess` when a separate process cannot be built. Op/s is shown so that answers per second can be
// read directly; results go to bench/BenchmarkDotNet.Artifacts (ignored by git) unless --artifacts says otherwise.
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.OperationsPerSecond)
    .WithArtifactsPath(Path.Combine(RepositoryPaths.Root, "bench", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromTypes([typeof(AnswerBenchmarks), typeof(IndexBenchmarks)]).Run(args, config);
return 0;
