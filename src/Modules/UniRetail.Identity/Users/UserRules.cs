using System.Security.Cryptography;
using UniRetail.Identity.Domain;
using UniRetail.Kernel;

namespace UniRetail.Identity.Users;

/// <summary>What a console user's e-mail and password must be, and how long repeated failures lock a user out.</summary>
internal static class UserRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const int MaxEmailLength = 254;

    /// <summary>Failed sign-ins in a row that lock the user out.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lock-out lasts.</summary>
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    /// <summary>The e-mail as stored: trimmed, lower case; one '@' with text on both sides, no spaces.</summary>
    public static Result<string> Email(string? email)
    {
        var value = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value))
            return IdentityErrors.Required("email");
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > MaxEmailLength || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace) || value.Any(char.IsControl))
            return IdentityErrors.BadEmail();
        return value;
    }

    public static Result<string> Password(string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityErrors.Required("password");
        if (password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            return IdentityErrors.BadPassword(MinPasswordLength, MaxPasswordLength);
        return password;
    }

    /// <summary>A password to hand out once: 20 characters from a 56-letter alphabet without look-alikes (about 116 bits).</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    /// <summary>Changes whenever what a signed-in cookie stands for changes; a cookie with another stamp is refused.</summary>
    public static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
