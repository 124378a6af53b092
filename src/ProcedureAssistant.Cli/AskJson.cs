using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Cli;

/// <summary>
/// The answer in the shape <c>POST /api/ask</c> returns (<c>AskResponse</c> in the API's contracts), so that
/// <c>ask --json</c> and the API can be read by the same client; a test compares the two shapes field by field.
/// </summary>
internal static class AskJson
{
    public static object Of(Answer answer, Persona persona) => new
    {
        answer = answer.Text,
        mode = answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
        abstained = answer.Abstained,
        persona = persona == Persona.Official ? "official" : "citizen",
        citations = answer.Citations.Select(c => new
        {
            index = c.Index,
            documentId = c.DocumentId,
            chunkId = c.ChunkId,
            title = c.Title,
            code = c.Code,
            number = c.Number,
            path = c.Path,
            snippet = c.Snippet,
            url = c.Url,
        }),
        conversationId = answer.ConversationId,
        decision = new { rule = answer.Decision.Rule, reason = answer.Decision.Reason, measures = answer.Decision.Measures },
    };
}
