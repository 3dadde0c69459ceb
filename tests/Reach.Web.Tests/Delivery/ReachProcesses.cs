namespace Reach.Web.Tests.Delivery;

/// <summary>
/// Tests that run Reach as child processes: one at a time, and not beside the other tests, so that a loaded
/// machine slows them down without starving the processes they kill and restart.
/// </summary>
[CollectionDefinition(nameof(ReachProcesses), DisableParallelization = true)]
public sealed class ReachProcesses;
