using System.Text;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class SpellingCalibrationTests
{
    private static readonly CorpusDocument[] Corpus =
    [
        new MarkdownDocumentParser().Parse("khai-sinh.md", Encoding.UTF8.GetBytes("""
            ---
            id: tthc-khai-sinh
            type: procedure
            title: Đăng ký khai sinh
            source: https://example.gov.vn/1
            ---
            Đăng ký khai sinh cho trẻ em. Hồ sơ đăng ký khai sinh gồm tờ khai.
            """)),
    ];

    [Fact]
    public void Measure_ChangeToAQuestionTakenAsCorrect_IsAFalseCorrection()
    {
        var score = SpellingCalibration.Measure(Corpus, ["khai sin cho trẻ", "đăng ký khai sinh cho trẻ em"], new QueryNormalization());

        Assert.Equal(2, score.Questions);
        Assert.Equal(50, score.FalseCorrectionsPer100, 12);
        Assert.Equal(50, score.FalseCorrectionsPer100Folded, 12);
    }

    [Fact]
    public void Measure_TypoInACorpusPhrase_IsRestored()
    {
        // Every syllable of the question is in the corpus beside its neighbours, so a typo that makes an unknown
        // syllable is mostly called back by them.
        var questions = Enumerable.Repeat("đăng ký khai sinh", 20).ToList();

        var score = SpellingCalibration.Measure(Corpus, questions, new QueryNormalization(), seed: 3);

        Assert.Equal(0, score.FalseCorrectionsPer100, 12);
        Assert.InRange(score.Typed.Typos, 10, 20);
        Assert.InRange(score.Typed.Restored + score.Typed.Miscorrected, 0, 1);
        Assert.True(score.Typed.Restored >= 0.8, $"restored {score.Typed.Restored}");
    }

    [Fact]
    public void Measure_NoCorrection_RestoresNothing()
    {
        var score = SpellingCalibration.Measure(Corpus, ["đăng ký khai sinh cho trẻ em"], new QueryNormalization { MinPairCount = 1000 });

        Assert.Equal(0, score.Typed.Restored, 12);
        Assert.Equal(0, score.Folded.Restored, 12);
    }
}
