using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// One question's first-stage candidates as the reranker sees them, with the judgements: the unit of training and of
/// cross-validation (a question's group is never split between folds).
/// </summary>
/// <param name="Dataset">The benchmark the question comes from.</param>
/// <param name="QueryId">The question's id in it.</param>
/// <param name="Fingerprint">The question's <see cref="RerankerTraining.Fingerprint"/>; folds are assigned by it.</param>
/// <param name="Folded">Whether the question was searched without diacritics.</param>
/// <param name="Documents">The candidates' document ids, in first-stage order.</param>
/// <param name="Features">One <see cref="RerankFeatures"/> vector per candidate.</param>
/// <param name="Relevant">Whether each candidate is a relevant document.</param>
/// <param name="RelevantDocuments">Every relevant document of the question, found or not (recall counts them all).</param>
/// <param name="Use">Whether the group is learnt from, scored, or both (see <see cref="RerankGroupUse"/>).</param>
/// <param name="QuestionTerms">The question's weighted terms, each with whether a relevant document holds it: what <see cref="TermNecessity"/> learns (null: nothing to learn).</param>
/// <param name="RelevantSyllables">The accented syllables of the relevant documents, from which <see cref="TermTranslation"/> learns the question's syllables (null: nothing to learn).</param>
/// <param name="Translation">Each candidate's <see cref="TranslationLikelihood"/> under a table learnt without this question (null: not computed; the candidates are then ranked by the model alone).</param>
public sealed record RerankGroup(
    string Dataset,
    string QueryId,
    string Fingerprint,
    bool Folded,
    IReadOnlyList<string> Documents,
    IReadOnlyList<float[]> Features,
    IReadOnlyList<bool> Relevant,
    IReadOnlySet<string> RelevantDocuments,
    RerankGroupUse Use = RerankGroupUse.TrainAndScore,
    IReadOnlyDictionary<string, bool>? QuestionTerms = null,
    IReadOnlySet<string>? RelevantSyllables = null,
    IReadOnlyList<double>? Translation = null);
