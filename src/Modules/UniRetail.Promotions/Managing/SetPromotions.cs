using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Persistence;

namespace UniRetail.Promotions.Managing;

/// <summary>What <c>promotions set</c> did with one promotion of the file.</summary>
internal sealed record SetOutcome(PromotionView Promotion, bool Created);

/// <summary>
/// Creates or replaces promotions by code, as the CLI's <c>promotions set FILE.json</c> does: a promotion whose code exists
/// replaces it (at the version just read, so an edit made meanwhile is a conflict, not lost), any other is created.
/// Stops at the first refusal, naming the promotion's position; the ones before it are saved.
/// </summary>
internal sealed class SetPromotions(Database database, PromotionStore store, SavePromotion save)
{
    public async Task<Result<IReadOnlyList<SetOutcome>>> HandleAsync(Caller caller, IReadOnlyList<PromotionRequest?> promotions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(promotions);
        var outcomes = new List<SetOutcome>(promotions.Count);
        for (var i = 0; i < promotions.Count; i++)
        {
            var request = promotions[i];
            if (request is null)
                return Error.Validation("promotions.required", $"Promotion {i} is empty.", $"[{i}]");
            var existing = string.IsNullOrWhiteSpace(request.Code) ? null
                : await database.ReadAsync(c => store.FindByCodeAsync(c, caller.Tenant, request.Code.Trim()), ct);
            var saved = existing is null
                ? await save.CreateAsync(caller, request, ct)
                : await save.UpdateAsync(caller, new PromotionId(existing.PromotionId), request with { Version = existing.Version }, ct);
            if (!saved.IsSuccess)
                return saved.Error with { Field = $"[{i}]" + (saved.Error.Field is { } f ? "." + f : "") };
            outcomes.Add(new SetOutcome(saved.Value, existing is null));
        }
        return outcomes;
    }
}
