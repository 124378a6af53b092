using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class ConversationStoreTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void LastTopic_ExpiresAfterTheConfiguredMinutes()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { ConversationMinutes = 30 }));
        store.Record("c1", "đăng ký khai sinh");

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("đăng ký khai sinh", store.LastTopic("c1"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(store.LastTopic("c1"));
    }

    [Fact]
    public void Record_BeyondTheLimit_DropsTheOldest()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { MaxConversations = 2 }));
        store.Record("a", "1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("b", "2");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("c", "3");

        Assert.Null(store.LastTopic("a"));
        Assert.Equal("2", store.LastTopic("b"));
        Assert.Equal("3", store.LastTopic("c"));
    }
}
