package dev.apisec.core.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name vocabulary for entity fields: which names hold secrets (password, token, card number, ...) and which hold
 * privilege or ownership (role, admin, owner, balance, ...). Names are split into words at camel-case humps,
 * underscores, dashes and digits, so {@code passwordHash}, {@code password_hash} and {@code PASSWORD_HASH} all read
 * as {@code password hash}; whole words are compared, so {@code pinned} or {@code hashtag} are not {@code pin} or
 * {@code hash}.
 */
public final class FieldNames {

    /** Word sequences that name a secret when they end the name (optionally followed by a qualifier word). */
    private static final List<List<String>> SENSITIVE = List.of(
            List.of("password"), List.of("passwd"), List.of("pwd"), List.of("passphrase"), List.of("secret"),
            List.of("token"), List.of("api", "key"), List.of("apikey"), List.of("salt"), List.of("otp"),
            List.of("totp"), List.of("pin"), List.of("ssn"), List.of("social", "security", "number"),
            List.of("credit", "card"), List.of("creditcard"), List.of("card", "number"), List.of("cardnumber"),
            List.of("cvv"), List.of("cvv2"), List.of("cvc"), List.of("private", "key"), List.of("privatekey"),
            List.of("secret", "key"), List.of("credential"), List.of("credentials"), List.of("security", "answer"),
            List.of("recovery", "code"), List.of("recovery", "codes"));

    /** Words that may follow a secret's name and still describe the secret (password hash, pin code). */
    private static final Set<String> QUALIFIERS = Set.of("hash", "hashed", "digest", "enc", "encrypted", "cipher",
            "ciphertext", "value", "code", "number", "num", "no", "plain", "plaintext", "raw", "bcrypt", "text");

    /** Whole names that hold a hash of a secret. */
    private static final Set<String> HASH_NAMES = Set.of("hash", "hashed", "hashedvalue");

    /** Last words that make a field a privilege or ownership field. */
    private static final Set<String> PRIVILEGE_WORDS = Set.of("role", "roles", "authority", "authorities", "admin",
            "enabled", "verified", "approved", "balance", "credit", "credits", "price", "owner", "permission",
            "permissions", "status", "superuser");

    /** Whole names (words joined) that are privilege or ownership fields. */
    private static final Set<String> PRIVILEGE_NAMES = Set.of("isadmin", "ownerid", "userid", "tenantid",
            "accountid", "ownerusername", "createdby");

    private FieldNames() {
    }

    /** Lower-case words of a Java name: {@code hashedPassword} → [hashed, password]. */
    public static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char[] c = name.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (!Character.isLetter(ch)) {
                flush(current, out);
                continue;
            }
            boolean boundary = Character.isUpperCase(ch) && current.length() > 0
                    && (Character.isLowerCase(c[i - 1])
                    || (i + 1 < c.length && Character.isLowerCase(c[i + 1]) && Character.isUpperCase(c[i - 1])));
            if (boundary) {
                flush(current, out);
            }
            current.append(Character.toLowerCase(ch));
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    /** True when the name holds a secret: password, token, api key, card number, ... */
    public static boolean isSensitive(String name) {
        List<String> w = words(name);
        if (w.isEmpty()) {
            return false;
        }
        String joined = String.join("", w);
        if (HASH_NAMES.contains(joined)) {
            return true;
        }
        // the secret is the head noun: the last words, or the last words before one qualifier
        return endsWithSecret(w) || (w.size() > 1 && QUALIFIERS.contains(w.get(w.size() - 1))
                && endsWithSecret(w.subList(0, w.size() - 1)));
    }

    private static boolean endsWithSecret(List<String> w) {
        for (List<String> phrase : SENSITIVE) {
            if (w.size() >= phrase.size() && w.subList(w.size() - phrase.size(), w.size()).equals(phrase)) {
                return true;
            }
        }
        // all-lower-case compounds (apikey, passwordhash, accesstoken)
        String last = w.get(w.size() - 1);
        for (String compound : List.of("password", "passwd", "secret", "token", "apikey", "privatekey",
                "creditcard", "cardnumber")) {
            if (last.length() > compound.length() && (last.endsWith(compound)
                    || (last.startsWith(compound) && QUALIFIERS.contains(last.substring(compound.length()))))) {
                return true;
            }
        }
        return false;
    }

    /** True when the name holds a privilege or ownership fact a client must not set: role, admin, owner, ... */
    public static boolean isPrivilege(String name) {
        List<String> w = words(name);
        if (w.isEmpty()) {
            return false;
        }
        String joined = String.join("", w).toLowerCase(Locale.ROOT);
        return PRIVILEGE_NAMES.contains(joined) || PRIVILEGE_WORDS.contains(w.get(w.size() - 1));
    }
}
