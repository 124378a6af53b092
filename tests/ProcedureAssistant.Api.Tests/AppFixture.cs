namespace ProcedureAssistant.Api.Tests;

/// <summary>One ready app over the test corpus, shared by read-only tests of a class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public ProcedureAssistantApp App { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Client = await App.CreateReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
