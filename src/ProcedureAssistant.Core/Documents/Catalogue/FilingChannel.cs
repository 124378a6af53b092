namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>
/// One row of a catalogue record's "cách thức thực hiện" table: a way to file, with the time limit and fee that
/// apply to it.
/// </summary>
/// <param name="Channel">Trực tiếp, Trực tuyến or Dịch vụ bưu chính.</param>
/// <param name="TimeLimit">"5 Ngày làm việc", "8 Giờ", or the portal's own words when it states none ("Không có thông tin").</param>
/// <param name="Fee">"Miễn phí", "2,000,000 Việt Nam Đồng", or "Không có thông tin".</param>
/// <param name="FeeNote">The bracketed text the portal writes after the fee, without its brackets; null when there is none.</param>
/// <param name="Description">The row's free text ("Mô tả"); null when empty.</param>
internal sealed record FilingChannel(string Channel, string TimeLimit, string Fee, string? FeeNote, string? Description);
