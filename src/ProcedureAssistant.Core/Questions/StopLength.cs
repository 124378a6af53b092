namespace ProcedureAssistant.Core.Questions;

/// <summary>How long a stop lasts, as a question or a procedure's title says it.</summary>
public enum StopLength
{
    /// <summary>For a while: a suspension ("tạm ngừng", "nghỉ 3 tháng rồi mở lại").</summary>
    ForAWhile,

    /// <summary>For good: a closing ("chấm dứt", "giải thể", "nghỉ luôn").</summary>
    ForGood,
}
