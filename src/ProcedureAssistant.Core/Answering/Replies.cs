namespace ProcedureAssistant.Core.Answering;

/// <summary>The service's own sentences: referrals, refusals and the questions it asks back.</summary>
public static class Replies
{
    /// <summary>Where to turn when the texts do not answer.</summary>
    public const string ReferralClause =
        "liên hệ Trung tâm Phục vụ hành chính công cấp xã (xã, phường, đặc khu) nơi cư trú, " +
        "hoặc tra cứu trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), để được hướng dẫn chính xác.";

    /// <summary>How the one line on what the sources do not say begins ("Nguồn chưa nêu lệ phí …; liên hệ …").</summary>
    public const string Unsaid = "Nguồn chưa nêu";

    /// <summary>The referral given whenever the service cannot answer from its texts.</summary>
    public const string Referral = "Bạn vui lòng " + ReferralClause;

    /// <summary>The polite refusal for questions outside administrative procedures and local government.</summary>
    public const string OutOfScope =
        "Xin lỗi, tôi chỉ hỗ trợ hỏi đáp về thủ tục hành chính và tổ chức, thẩm quyền của chính quyền địa phương, nên không trả lời được câu hỏi này.";

    /// <summary>The refusal of a request for a person's private data, with the reason.</summary>
    public const string PersonalData =
        "Tôi không cung cấp thông tin riêng của một người (số điện thoại riêng, địa chỉ nhà, số giấy tờ tùy thân…), " +
        "kể cả của cán bộ, công chức: đó là dữ liệu cá nhân, chỉ người đó hoặc cơ quan có thẩm quyền được dùng theo quy định. " +
        "Để liên hệ công việc, bạn có thể gọi hoặc đến Trung tâm Phục vụ hành chính công cấp xã theo địa chỉ, số điện thoại công khai của trung tâm.";

    /// <summary>The opening of a refusal for an in-scope question the texts do not answer.</summary>
    public const string NotInSources = "Tôi chưa tìm thấy văn bản nào trong hệ thống trả lời được câu hỏi này.";

    /// <summary>The question asked back when a question asks for an item (<paramref name="item"/>, lower case) of no procedure it names.</summary>
    public static string AskWhichProcedure(string item) =>
        $"Bạn hỏi {item} của thủ tục nào? Xin cho biết tên thủ tục hoặc việc bạn cần làm (ví dụ: đăng ký khai sinh, đăng ký thường trú), tôi sẽ trả lời ngay.";

    /// <summary>The opening of a question asked back.</summary>
    public const string AskBack = "Câu hỏi có thể là về một trong các thủ tục dưới đây. Bạn hỏi về thủ tục nào?";
}
