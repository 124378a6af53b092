using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class QaSampleTests
{
    private static readonly IReadOnlyList<QaItem> Set = Enumerable.Range(1, 100).Select(n => new QaItem
    {
        Id = $"q{n:000}",
        Question = "q",
        Persona = n % 3 == 0 ? "official" : "citizen",
        Answerable = n <= 80,
        Tags = [.. n > 80 ? new[] { "unanswerable", n % 2 == 0 ? "out-of-domain" : "not-in-corpus" } : [], .. n % 4 == 0 ? new[] { "unaccented" } : []],
    }).ToList();

    [Fact]
    public void Take_IsDeterministic_InFileOrder_AndOfTheRequestedSize()
    {
        var first = QaSample.Take(Set, 30, seed: 7);
        var second = QaSample.Take(Set, 30, seed: 7);

        Assert.Equal(30, first.Count);
        Assert.Equal(first.Select(i => i.Id), second.Select(i => i.Id));
        Assert.Equal(first.Select(i => i.Id).Order(StringComparer.Ordinal), first.Select(i => i.Id));
        Assert.NotEqual(first.Select(i => i.Id), QaSample.Take(Set, 30, seed: 8).Select(i => i.Id));
    }

    [Fact]
    public void Take_KeepsTheMixOfKindsPersonasAndTyping()
    {
        var sample = QaSample.Take(Set, 50, seed: 1);

        Assert.Equal(40, sample.Count(i => i.Answerable));
        Assert.Equal(5, sample.Count(i => i.Tags.Contains("out-of-domain")));
        Assert.Equal(5, sample.Count(i => i.Tags.Contains("not-in-corpus")));
        Assert.InRange(sample.Count(i => i.Persona == "official"), 15, 18);
        Assert.InRange(sample.Count(i => i.Tags.Contains("unaccented")), 11, 14);
    }

    [Fact]
    public void Take_NotSmallerThanTheSet_IsTheWholeSet() =>
        Assert.Same(Set, QaSample.Take(Set, 500, seed: 1));
}
