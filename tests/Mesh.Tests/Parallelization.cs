// One mesh at a time: each starts a dozen processes, and two starting at once on 2 cores (beside the
// other test projects) could miss their start bound.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
