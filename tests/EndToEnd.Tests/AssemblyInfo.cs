// Each class boots the whole system; two at once would only fight over two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
