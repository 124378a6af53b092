using System.Text.Json.Serialization;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Why <see cref="SourceSelector"/> answers from the document it chose: retrieval put it first, or one of the
/// selector's reasons moved it ahead of the documents retrieved before it (the last move made; of several reasons for
/// it, the most specific).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SelectionReason>))]
public enum SelectionReason
{
    /// <summary>Retrieval ranked its passage first and nothing moved another ahead of it.</summary>
    RetrievedFirst,

    /// <summary>A follow-up that keeps the topic: the document of the previous answer, still retrieved.</summary>
    FollowsPreviousAnswer,

    /// <summary>A follow-up whose own words name a text of the same kind rather than the previous answer's: a change to the procedure its title holds, or clearly more of them in its title.</summary>
    FollowUpNamesANeighbour,

    /// <summary>A turn that only tells the asker's situation after an answer: the answered record's sibling whose text holds clearly more of what the turn says.</summary>
    StatementFitsASibling,

    /// <summary>A record without aliases (the catalogue's) that the question names better than the first, covering nearly as much.</summary>
    NamedBetter,

    /// <summary>A sibling record whose passage covers the question as well, told apart by name and text.</summary>
    TieBrokenByName,

    /// <summary>A record whose title extends the first one's with words the question holds.</summary>
    NarrowsTheTitle,

    /// <summary>A regulation or guide in force whose title the question holds in full.</summary>
    TitleNamedInFull,

    /// <summary>A regulation in force that the question cites by kind and number ("NĐ 129"), over a guide retrieved first.</summary>
    CitedByNumber,

    /// <summary>A record whose title holds the change to a procedure the question names ("cấp lại").</summary>
    NamesItsChange,

    /// <summary>A fee, time limit, place or list of papers asked: the record rather than a decree.</summary>
    RecordOwnsTheField,

    /// <summary>A text in force over a superseded one the question does not name.</summary>
    ReplacesSuperseded,

    /// <summary>The reply to the service's question which procedure was meant: one of the procedures it offered.</summary>
    AnswersTheAskBack,

    /// <summary>A stop that says how long it lasts: the record whose title says the same length (a suspension, a closing).</summary>
    LastsAsSaid,
}
