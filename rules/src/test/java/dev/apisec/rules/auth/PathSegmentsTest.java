package dev.apisec.rules.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathSegmentsTest {

    @Test
    void wordsSplitOnSeparatorsAndCamelCase() {
        assertThat(PathSegments.words("adminTools")).containsExactly("admin", "tools");
        assertThat(PathSegments.words("admin-tools_v2.json")).containsExactly("admin", "tools", "v2", "json");
        assertThat(PathSegments.words("API")).containsExactly("api");
    }

    @Test
    void aWordMatchesWholeSegmentsOrTheirFirstOrLastWord() {
        assertThat(PathSegments.of("/api/admin").contains("admin")).isTrue();
        assertThat(PathSegments.of("/api/admin-tools/stats").contains("admin")).isTrue();
        assertThat(PathSegments.of("/api/adminTools").contains("admin")).isTrue();
        assertThat(PathSegments.of("/api/site-admin").contains("admin")).isTrue();
        assertThat(PathSegments.of("/api/administrators").contains("admin")).isFalse();
        assertThat(PathSegments.of("/api/badmin").contains("admin")).isFalse();
        assertThat(PathSegments.of("/api/my-admin-panel").contains("admin")).isFalse();
    }

    @Test
    void pathVariablesNeverMatch() {
        assertThat(PathSegments.of("/api/{admin}/x").contains("admin")).isFalse();
        assertThat(PathSegments.of("/api/{admin:[a-z]+}").contains("admin")).isFalse();
        assertThat(PathSegments.of("/api/**").contains("api")).isTrue();
    }

    @Test
    void multiWordEntriesSpanSegmentsButNotVariables() {
        assertThat(PathSegments.of("/auth/password/reset").contains("password-reset")).isTrue();
        assertThat(PathSegments.of("/auth/password-reset-request").contains("password-reset")).isTrue();
        assertThat(PathSegments.of("/auth/forgotPassword").contains("forgot-password")).isTrue();
        assertThat(PathSegments.of("/password/{id}/reset").contains("password-reset")).isFalse();
    }

    @Test
    void findReturnsTheMatchedSegment() {
        assertThat(PathSegments.of("/x/Admin-Tools/{id}").find(List.of("users", "admin")))
                .hasValueSatisfying(m -> {
                    assertThat(m.word()).isEqualTo("admin");
                    assertThat(m.segment()).isEqualTo("Admin-Tools");
                });
    }

    @Test
    void addressedCollectionIsTheLastLiteralSegment() {
        List<String> users = List.of("users", "members");
        assertThat(PathSegments.of("/api/users").addressedCollection(users)).hasValue("users");
        assertThat(PathSegments.of("/api/users/{id}").addressedCollection(users)).hasValue("users");
        assertThat(PathSegments.of("/api/team-members/{id}").addressedCollection(users)).hasValue("members");
        assertThat(PathSegments.of("/api/users/{id}/orders").addressedCollection(users)).isEmpty();
        assertThat(PathSegments.of("/api/users/{id}").endsWithVariable()).isTrue();
        assertThat(PathSegments.of("/api/users").endsWithVariable()).isFalse();
    }
}
