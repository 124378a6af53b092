namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>One <see cref="AnswerHarness"/> over <see cref="AnswerFixtures.All"/>, shared by a test class (its tests only read).</summary>
public sealed class HarnessFixture : IAsyncLifetime
{
    internal AnswerHarness Harness { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Harness = await AnswerHarness.StartAsync();

    public ValueTask DisposeAsync()
    {
        Harness.Dispose();
        return ValueTask.CompletedTask;
    }
}
