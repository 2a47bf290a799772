namespace UniRetail.Kernel;

/// <summary>A fact one module announces for others to react to, inside the same transaction.</summary>
public interface IDomainEvent
{
    /// <summary>The tenant the fact belongs to.</summary>
    TenantId Tenant { get; }
}
