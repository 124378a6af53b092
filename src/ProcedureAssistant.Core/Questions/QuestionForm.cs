namespace ProcedureAssistant.Core.Questions;

/// <summary>The kinds of phrase in <c>Text/Data/question-forms.tsv</c>.</summary>
internal enum QuestionForm
{
    YesNoEnd,
    YesNo,
    Eligibility,
    Particle,
    Whole,
    FollowUp,
    Contact,
    Person,
    ThirdParty,
    Personal,
    Modifier,
    Date,
    TextDate,
    TextKind,
    Number,
    UnitNow,
    Merger,
    UnitName,
    NameAsked,
    Now,
    UnitCount,
    RefersBack,
    PaperBack,
    QuestionWord,
    PeopleList,
    Self,
    Lookup,
    OffTopic,
}
