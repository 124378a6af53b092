using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class ConversationStoreTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Last_ExpiresAfterTheConfiguredMinutes()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { ConversationMinutes = 30 }));
        store.Record("c1", Turn("đăng ký khai sinh"));

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("đăng ký khai sinh", store.Last("c1")?.Topic);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(store.Last("c1")?.Topic);
    }

    [Fact]
    public void Record_BeyondTheLimit_DropsTheOldest()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { MaxConversations = 2 }));
        store.Record("a", Turn("1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("b", Turn("2"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("c", Turn("3"));

        Assert.Null(store.Last("a")?.Topic);
        Assert.Equal("2", store.Last("b")?.Topic);
        Assert.Equal("3", store.Last("c")?.Topic);
    }

    [Fact]
    public void Record_FromManyThreadsBeyondTheLimit_NeverFailsAndStaysBounded()
    {
        var store = new ConversationStore(TimeProvider.System, Options.Create(new AnsweringOptions { MaxConversations = 50 }));

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            store.Record($"c{i}", Turn("đăng ký khai sinh"));
            _ = store.Last($"c{i - 1}");
        });

        // Bounded, and still working afterwards (the old store, once it had thrown, kept throwing until a restart).
        Assert.InRange(store.Count, 1, 50);
        store.Record("after", Turn("đăng ký kết hôn"));
        Assert.Equal("đăng ký kết hôn", store.Last("after")?.Topic);
    }

    [Fact]
    public void Record_LongTopic_KeepsItsStartUpToTheCap()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions()));
        var topic = "Đăng ký khai sinh " + string.Join(' ', Enumerable.Repeat("còn lệ phí thì sao", 500));

        store.Record("c1", Turn(topic));

        var kept = store.Last("c1")?.Topic!;
        Assert.InRange(kept.Length, 1, ConversationStore.MaxTopicCharacters);
        Assert.StartsWith("Đăng ký khai sinh còn lệ phí", kept, StringComparison.Ordinal);
        Assert.True(topic.StartsWith(kept + " ", StringComparison.Ordinal), "the topic is cut between words");
    }

    [Fact]
    public void Record_SameConversationAgain_MakesItTheNewest()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions { MaxConversations = 2 }));
        store.Record("a", Turn("1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("b", Turn("2"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Record("a", Turn("3"));
        store.Record("c", Turn("4"));

        Assert.Equal("3", store.Last("a")?.Topic);
        Assert.Null(store.Last("b")?.Topic);
    }

    [Fact]
    public void Last_KeepsTheItemsAskedWithTheTopic()
    {
        var store = new ConversationStore(_clock, Options.Create(new AnsweringOptions()));
        store.Record("c1", new ConversationTurn("Đăng ký khai sinh", [AskedField.Fee, AskedField.Time], "tthc-1.001193"));

        var last = store.Last("c1");

        Assert.Equal([AskedField.Fee, AskedField.Time], last!.Fields);
        Assert.Equal("tthc-1.001193", last.DocumentId);
    }

    private static ConversationTurn Turn(string topic) => new(topic, []);
}
