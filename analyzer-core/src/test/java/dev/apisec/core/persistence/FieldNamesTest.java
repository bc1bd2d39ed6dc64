package dev.apisec.core.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTest {

    @Test
    void splitsCamelSnakeAndAcronyms() {
        assertThat(FieldNames.words("passwordHash")).containsExactly("password", "hash");
        assertThat(FieldNames.words("PASSWORD_HASH")).containsExactly("password", "hash");
        assertThat(FieldNames.words("apiKey")).containsExactly("api", "key");
        assertThat(FieldNames.words("SSNLast4")).containsExactly("ssn", "last");
        assertThat(FieldNames.words("isAdmin")).containsExactly("is", "admin");
    }

    @Test
    void secretsAreRecognisedAsHeadNouns() {
        assertThat(FieldNames.isSensitive("password")).isTrue();
        assertThat(FieldNames.isSensitive("passwordHash")).isTrue();
        assertThat(FieldNames.isSensitive("hashedPassword")).isTrue();
        assertThat(FieldNames.isSensitive("password_hash")).isTrue();
        assertThat(FieldNames.isSensitive("passwordhash")).isTrue();
        assertThat(FieldNames.isSensitive("pwd")).isTrue();
        assertThat(FieldNames.isSensitive("clientSecret")).isTrue();
        assertThat(FieldNames.isSensitive("refreshToken")).isTrue();
        assertThat(FieldNames.isSensitive("accesstoken")).isTrue();
        assertThat(FieldNames.isSensitive("apiKey")).isTrue();
        assertThat(FieldNames.isSensitive("API_KEY")).isTrue();
        assertThat(FieldNames.isSensitive("salt")).isTrue();
        assertThat(FieldNames.isSensitive("hash")).isTrue();
        assertThat(FieldNames.isSensitive("otp")).isTrue();
        assertThat(FieldNames.isSensitive("pin")).isTrue();
        assertThat(FieldNames.isSensitive("pinCode")).isTrue();
        assertThat(FieldNames.isSensitive("ssn")).isTrue();
        assertThat(FieldNames.isSensitive("creditCardNumber")).isTrue();
        assertThat(FieldNames.isSensitive("cardNumber")).isTrue();
        assertThat(FieldNames.isSensitive("cvv")).isTrue();
        assertThat(FieldNames.isSensitive("privateKey")).isTrue();
    }

    @Test
    void lookAlikesAndFactsAboutSecretsAreNot() {
        assertThat(FieldNames.isSensitive("pinned")).isFalse();
        assertThat(FieldNames.isSensitive("hashtag")).isFalse();
        assertThat(FieldNames.isSensitive("contentHash")).isFalse();
        assertThat(FieldNames.isSensitive("passwordChangedAt")).isFalse();
        assertThat(FieldNames.isSensitive("tokenExpiry")).isFalse();
        assertThat(FieldNames.isSensitive("spinner")).isFalse();
        assertThat(FieldNames.isSensitive("username")).isFalse();
        assertThat(FieldNames.isSensitive("keyboard")).isFalse();
    }

    @Test
    void privilegeAndOwnershipFields() {
        assertThat(FieldNames.isPrivilege("role")).isTrue();
        assertThat(FieldNames.isPrivilege("roles")).isTrue();
        assertThat(FieldNames.isPrivilege("authorities")).isTrue();
        assertThat(FieldNames.isPrivilege("admin")).isTrue();
        assertThat(FieldNames.isPrivilege("isAdmin")).isTrue();
        assertThat(FieldNames.isPrivilege("emailVerified")).isTrue();
        assertThat(FieldNames.isPrivilege("accountBalance")).isTrue();
        assertThat(FieldNames.isPrivilege("unitPrice")).isTrue();
        assertThat(FieldNames.isPrivilege("owner_id")).isTrue();
        assertThat(FieldNames.isPrivilege("tenantId")).isTrue();
        assertThat(FieldNames.isPrivilege("status")).isTrue();
        assertThat(FieldNames.isPrivilege("name")).isFalse();
        assertThat(FieldNames.isPrivilege("roleDescription")).isFalse();
        assertThat(FieldNames.isPrivilege("statusMessage")).isFalse();
        assertThat(FieldNames.isPrivilege("id")).isFalse();
    }
}
