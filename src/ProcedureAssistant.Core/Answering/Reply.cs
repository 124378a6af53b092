using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The kind of reply a rule of the answer policy decides; the composer writes it.</summary>
internal abstract record Reply
{
    /// <summary>True for a reply that does not answer and refers or declines instead.</summary>
    public abstract bool Abstains { get; }
}

/// <summary>Answer from the chosen document.</summary>
internal sealed record AnswerReply(SourceChoice Choice) : Reply
{
    public override bool Abstains => false;
}

/// <summary>Ask which of 2–4 procedures is meant, naming each.</summary>
internal sealed record AskBackReply(IReadOnlyList<CorpusDocument> Options) : Reply
{
    public override bool Abstains => false;
}

/// <summary>Ask which procedure the item asked (<paramref name="Field"/>) is of: the question names none.</summary>
internal sealed record AskWhichProcedureReply(AskedField Field) : Reply
{
    public override bool Abstains => false;
}

/// <summary>Decline: the question is outside what the service is for.</summary>
internal sealed record OutOfScopeReply : Reply
{
    public override bool Abstains => true;
}

/// <summary>Decline: the question asks for a person's private data.</summary>
internal sealed record PersonalDataReply : Reply
{
    public override bool Abstains => true;
}

/// <summary>
/// Refer the person to the commune's service centre: the sources do not hold the answer; <paramref name="Missing"/> is
/// what they do not say when it can be named, <paramref name="Document"/> the text that says it does not know.
/// </summary>
internal sealed record ReferReply(string? Missing = null, CorpusDocument? Document = null, NamedPlace? Place = null) : Reply
{
    public override bool Abstains => true;
}

internal sealed record CommuneReply(IReadOnlyList<CommuneMention> Communes, IReadOnlyList<ProvinceMention> Provinces) : Reply
{
    /// <summary>The communes of a province after the merger, as its resolution counts them, when that was asked.</summary>
    public ProvinceSummary? Summary { get; init; }

    /// <summary>With <see cref="Summary"/> for a former province: its units before the merger and those that hold them now.</summary>
    public FormerProvinceShare? FormerShare { get; init; }

    /// <summary>For each province named whose name it kept through the merger, the former provinces that make it up now.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FormedFrom { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public override bool Abstains => false;
}
