using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// The learning of a <see cref="TermNecessity"/> table from judged questions, kept in the lab: the service reads a
/// learnt table from the reranker model and never learns one. An extension, so that a table is still learnt as
/// <c>TermNecessity.Learn(groups)</c>.
/// </summary>
public static class TermNecessityLearning
{
    extension(TermNecessity)
    {
        /// <summary>
        /// Counts the terms of every question learnt from (<see cref="RerankGroupUse.ScoreOnly"/> groups are not, nor
        /// groups without <see cref="RerankGroup.QuestionTerms"/>), once per question fingerprint.
        /// </summary>
        public static TermNecessity Learn(IEnumerable<RerankGroup> groups)
        {
            ArgumentNullException.ThrowIfNull(groups);
            var questions = new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal);
            foreach (var group in groups.Where(g => g.Use != RerankGroupUse.ScoreOnly && g.QuestionTerms is not null))
            {
                if (!questions.TryGetValue(group.Fingerprint, out var terms))
                {
                    terms = new Dictionary<string, bool>(StringComparer.Ordinal);
                    questions.Add(group.Fingerprint, terms);
                }

                foreach (var (term, inRelevant) in group.QuestionTerms!)
                {
                    terms[term] = terms.GetValueOrDefault(term) || inRelevant;
                }
            }

            var counts = new Dictionary<string, TermCount>(StringComparer.Ordinal);
            foreach (var (term, hit) in questions.Values.SelectMany(q => q))
            {
                var count = counts.GetValueOrDefault(term);
                counts[term] = new TermCount(count.Questions + 1, count.Hits + (hit ? 1 : 0));
            }

            return new TermNecessity(counts, questions);
        }
    }
}
