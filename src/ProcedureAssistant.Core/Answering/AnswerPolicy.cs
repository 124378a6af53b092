using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The answer policy: an ordered table of named rules, asked top to bottom; the first that applies decides the reply
/// (answer, ask back, refer, decline) and its name and reason go into the response, the log and evaluation reports.
/// <c>docs/answering.md</c> is this table with each rule's thresholds and the measurements that keep it.
/// </summary>
/// <param name="communes">The commune mapping, which answers where a commune or province belongs now.</param>
/// <param name="corpus">The deployment's province (<see cref="CorpusOptions.Province"/>), whose communes come first.</param>
public sealed class AnswerPolicy(CommuneDirectory communes, IOptions<CorpusOptions> corpus)
{
    /// <summary>The rules, in the order they are asked.</summary>
    public IReadOnlyList<AnswerRule> Rules { get; } = Table(communes, corpus.Value);

    private static AnswerRule[] Table(CommuneDirectory communes, CorpusOptions corpus)
    {
        var outOfScope = new OutOfScopeRule();
        var notInSources = new NotInSourcesRule();
        return
        [
            new PersonalDataRule(),
            new CommuneLookupRule(communes, ProvinceKey.Of(corpus.Province)),
            new StopWithoutLengthRule(),
            new NamesNoProcedureRule(),
            new UnsureWhichProcedureRule(outOfScope, notInSources),
            outOfScope,
            notInSources,
            new PlaceNotCoveredRule(),
            new CommuneLevelRule(),
            new SiblingProcedureRule(),
            new AmbiguousProceduresRule(),
            new DeclaredGapRule(),
            new FigureNotStatedRule(),
            new AnswerFromSourceRule(),
        ];
    }

    /// <summary>The first rule that applies, and the reply it decides (the last rule always applies).</summary>
    internal (AnswerRule Rule, Reply Reply) Decide(AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var rule in Rules)
        {
            if (rule.Decide(context) is { } reply)
            {
                return (rule, reply);
            }
        }

        throw new InvalidOperationException("The answer policy's last rule must always apply.");
    }
}
