using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// <c>commune-lookup</c>: a question about where a commune, ward or province belongs since the 2025 mergers is answered
/// from the commune mapping (<see cref="CommuneDirectory"/>), with the resolution and its article. It applies when the
/// question names a commune (with its kind word: "xã Hòa Phú") and either asks where it belongs now ("giờ thuộc xã
/// nào", "tên mới"), or calls it former ("cũ", "trước đây"), speaks of the merger ("được sắp xếp vào", "sau sáp
/// nhập") or asks which unit it is or its name now ("giờ đổi sang xã gì", "giờ xã tôi tên là gì") while asking outright no item of
/// a procedure other than the legal basis (which the mapping gives: the
/// resolution and its article; "hồ sơ cũ ghi xã …" only mentions the record); or when it names a province and asks
/// where it belongs now. In a conversation whose previous reply said where places belong, a commune named next with no
/// procedure item asked ("còn thị trấn Cát Bà thì sao?") is looked up the same way. A question that asks how many
/// communes a province has since the merger, or which were not rearranged, with no procedure item asked, gets the
/// clause of the province's resolution that says so; only for a province the question names (a name the directory
/// does not know, "TP.HCM", must not get the deployment's own province counted). A question that
/// asks a procedure's item for a place goes on to the other rules.
/// </summary>
internal sealed class CommuneLookupRule(CommuneDirectory communes, string? deploymentProvince) : AnswerRule
{
    /// <summary>At most this many candidates are listed for one name (an old name can be shared by many communes).</summary>
    public const int MaxCandidates = 6;

    public override string Name => "commune-lookup";

    public override string Reason => "The question asks where a commune, ward or province belongs since the 2025 mergers; the commune mapping answers it.";

    internal override Reply? Decide(AnswerContext context)
    {
        var reading = context.Reading;
        var places = communes.FindInQuestion(reading.Text);

        // "ở huyện Hải Hà, Quảng Ninh đó" right after a lookup that asked which one: the communes just looked up, in the
        // province now named, or among the namesakes of one province the one in the former district now named ("ở bên
        // Giồng Riềng cũ"); not a question of its own about the province ("cả tỉnh Bắc Ninh có bao nhiêu xã").
        var saysWhichOne = places.Communes.Count == 0 && !reading.AsksHowManyUnits && !reading.AsksWhereAPlaceBelongsNow &&
            reading.FieldsAskedOutright.Count == 0 && reading.PlacesLookedUpBefore.Count > 0;
        if (saysWhichOne)
        {
            var before = string.Join(", ", reading.PlacesLookedUpBefore);
            var narrowed = communes.FindInQuestion(before + ", " + reading.Text);
            if (places.Provinces.Count > 0 || Candidates(narrowed) < Candidates(communes.FindInQuestion(before)))
            {
                places = narrowed;
            }
        }

        var asksNow = reading.AsksWhereAPlaceBelongsNow;
        var asksNoProcedureItem = reading.FieldsAskedOutright.All(f => f == AskedField.LegalBasis);
        var namesAProcedure = context.Choice is { IsNamed: true };
        var mentions = places.Communes
            .Where(c => asksNow || ((c.MarkedOld || (OnlyAFormerUnitsName(c) && !namesAProcedure) || reading.NamesTheMerger || reading.AsksTheNameOfAUnit || reading.FollowsAPlaceLookup) && asksNoProcedureItem))
            .Select(c => Narrowed(c, places.Provinces, context.Province ?? deploymentProvince))
            .DistinctBy(c => string.Join(',', c.Candidates.Select(m => (m.IsOld, m.Code))), StringComparer.Ordinal)
            .ToList();
        if (mentions.Count > 0)
        {
            return new CommuneReply(mentions, []);
        }

        if (reading.AsksHowManyUnits && asksNoProcedureItem && places.Communes.Count == 0 &&
            communes.SummaryOf((places.Provinces.Count > 0 ? places.Provinces[0].Province : null) ?? reading.Place?.Province) is { } summary)
        {
            // A former province named ("Bình Dương cũ có bao nhiêu xã") is said to be part of the province counted.
            var former = places.Provinces.Where(p => p.OldProvince is not null && p.OldProvince != p.Province).Take(1).ToList();
            return new CommuneReply([], former) { Summary = summary, FormerShare = former.Count > 0 ? communes.ShareOf(former[0].OldProvince!) : null };
        }

        // A province that kept its name ("Đắk Lắk mới được hợp nhất từ những tỉnh nào") is answered with what it is
        // made of now; "Tỉnh Đắk Lắk … nay thuộc Tỉnh Đắk Lắk" says nothing.
        var provinces = places.Provinces.Where(p => p.OldProvince is not null && asksNow).ToList();
        var formedFrom = provinces.Where(p => Same(p.OldProvince, p.Province)).DistinctBy(p => p.Province)
            .ToDictionary(p => p.Province, p => communes.FormerProvincesOf(p.Province), StringComparer.Ordinal);
        return provinces.Count > 0 ? new CommuneReply([], provinces) { FormedFrom = formedFrom } : null;
    }

    // A province named beside the commune ("xã Hòa Phú, Phú Yên cũ") keeps the candidates of that province, old or
    // new; provinces all named as they are now ("phường Thuận An, Cần Thơ", which took in Hậu Giang) also keep the
    // old communes of their former provinces that are in them now (a former province named beside them, "Phủ Lý cũ (Hà
    // Nam) … của Ninh Bình", says which old commune is meant); else the province asked for (the deployment's) keeps those that are in it now, and the others of the name
    // are kept aside to be mentioned (the asker may mean one of them); a commune called former keeps its old
    // candidates. Each only when some candidate is left: a name no candidate fits lists them all.
    private static CommuneMention Narrowed(CommuneMention mention, IReadOnlyList<ProvinceMention> provinces, string? scope)
    {
        var candidates = mention.Candidates.ToList();
        var asNow = provinces.All(NamedAsItIsNow);
        var named = candidates.Where(c => provinces.Any(p => Same(c.OldProvince, p.OldProvince ?? p.Province) || Same(c.Province, p.Province) ||
            (asNow && c.NewCommunes.Any(n => Same(n.Province, p.Province))))).ToList();
        var inScope = candidates.Where(c => Same(c.Province, scope) || c.NewCommunes.Any(n => Same(n.Province, scope))).ToList();
        var kept = named.Count > 0 ? named : inScope.Count > 0 ? inScope : candidates;
        var elsewhere = named.Count == 0 && inScope.Count > 0 ? candidates.Except(inScope).ToList() : [];
        return mention with { Candidates = Former(kept, mention.MarkedOld), Elsewhere = Former(elsewhere, mention.MarkedOld) };
    }

    // A name that is only a former unit's ("xã Phiêng Luông, tỉnh Hà Giang", now part of xã Yên Cường) speaks of that
    // unit as former however the question asks, unless the question names a procedure, for which the place is the
    // asker's address. Only where the kind word carries its marks ("xã") or the name a capital ("xa Lang Bien"): typed
    // plain before a small word, "xa" is as often "far" ("di lam xa, ba noi di thay", which names "xã Ba").
    private static bool OnlyAFormerUnitsName(CommuneMention mention) =>
        mention.Candidates.All(m => m.IsOld) && mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var kind, .. var rest] &&
        (VietnameseText.HasDiacritics(kind) || rest.Any(w => char.IsUpper(w[0])));

    private static int Candidates(QuestionPlaces places) => places.Communes.Sum(c => c.Candidates.Count);

    private static bool NamedAsItIsNow(ProvinceMention province) =>
        !province.MarkedOld && (province.OldProvince is null || Same(province.OldProvince, province.Province));

    private static List<CommuneMatch> Former(List<CommuneMatch> candidates, bool markedOld)
    {
        var old = candidates.Where(c => c.IsOld).ToList();
        return markedOld && old.Count > 0 ? old : candidates;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && Documents.ProvinceKey.Of(a) == Documents.ProvinceKey.Of(b);
}
