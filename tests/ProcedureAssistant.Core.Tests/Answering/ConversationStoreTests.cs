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

    [Fact]
    public void Record_FromManyThreadsBeyondTheLimit_NeverFailsAndStaysBounded()
    {
        var store = new ConversationStore(TimeProvider.System, Options.Create(new AnsweringOptions { MaxConversations = 50 }));

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            store.Record($"c{i}", "đăng ký khai sinh");
            store.LastTopic($"c{i - 1}");
        });

        // Bounded, and still working afterwards (the old store, once it had thrown, kept throwing until a restart).
        Assert.InRange(store.Count, 1, 50);
        store.Record("after", "đăng ký kết hôn");
        Assert.Equal("đăng ký kết hôn", store.LastTopic("after"));
    }

    [Fact]
    public void Record_LongTopic_KeepsItsStartUpToTheCap()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions()));
        var topic = "Đăng ký khai sinh " + string.Join(' ', Enumerable.Repeat("còn lệ phí thì sao", 500));

        store.Record("c1", topic);

        var kept = store.LastTopic("c1")!;
        Assert.InRange(kept.Length, 1, ConversationStore.MaxTopicCharacters);
        Assert.StartsWith("Đăng ký khai sinh còn lệ phí", kept, StringComparison.Ordinal);
        Assert.True(topic.StartsWith(kept + " ", StringComparison.Ordinal), "the topic is cut between words");
    }

    [Fact]
    public void Record_SameConversationAgain_MakesItTheNewest()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { MaxConversations = 2 }));
        store.Record("a", "1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("b", "2");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("a", "3");
        store.Record("c", "4");

        Assert.Equal("3", store.LastTopic("a"));
        Assert.Null(store.LastTopic("b"));
    }
}
