using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Reach.Testing;

// Every BenchmarkDotNet option works on the command line, e.g. `--filter '*' --job short` for a quick run
// or `--inProcess` when a separate process cannot be built. Op/s is shown so that answers per second can be
// read directly; results go to bench/BenchmarkDotNet.Artifacts (ignored by git) unless --artifacts says otherwise.
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.OperationsPerSecond)
    .WithArtifactsPath(Path.Combine(RepositoryPaths.Root, "bench", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
