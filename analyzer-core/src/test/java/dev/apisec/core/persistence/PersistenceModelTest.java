package dev.apisec.core.persistence;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.FieldInfo;
import dev.apisec.core.api.ProjectModel;
import dev.apisec.core.model.TypeInfo;
import dev.apisec.core.model.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceModelTest {

    @TempDir
    Path dir;

    private ProjectModel model(String... files) {
        TestProject project = new TestProject(dir);
        for (int i = 0; i + 1 < files.length; i += 2) {
            project.file("src/main/java/com/acme/" + files[i] + ".java", files[i + 1]);
        }
        return project.model();
    }

    @Test
    void mappingAnnotationsOfEveryStoreAndBothNamespaces() {
        PersistenceModel p = model(
                "User", "package com.acme; import jakarta.persistence.Entity; @Entity public class User { }",
                "Legacy", "package com.acme; import javax.persistence.*; @Entity public class Legacy { }",
                "Address", "package com.acme; import jakarta.persistence.Embeddable; @Embeddable public class Address { }",
                "Base", "package com.acme; import jakarta.persistence.MappedSuperclass; @MappedSuperclass public abstract class Base { }",
                "Coupon", "package com.acme; public class Coupon extends Base { }",
                "Event", "package com.acme; import org.springframework.data.mongodb.core.mapping.*; @Document public class Event { }",
                "Row", "package com.acme; import org.springframework.data.relational.core.mapping.Table; @Table(\"rows\") public class Row { }",
                "Person", "package com.acme; import org.springframework.data.neo4j.core.schema.Node; @Node public class Person { }",
                "Session", "package com.acme; import org.springframework.data.redis.core.RedisHash; @RedisHash public class Session { }",
                "Plain", "package com.acme; public class Plain { }",
                "JpaTableOnly", "package com.acme; import jakarta.persistence.Table; @Table(name = \"x\") public class JpaTableOnly { }",
                "UserDto", "package com.acme; public record UserDto(String name) { }",
                "Status", "package com.acme; import jakarta.persistence.Entity; @Entity public enum Status { A }")
                .persistence();
        for (String persistent : List.of("User", "Legacy", "Address", "Base", "Coupon", "Event", "Row", "Person",
                "Session")) {
            assertThat(p.isPersistent("com.acme." + persistent)).as(persistent).isTrue();
        }
        for (String plain : List.of("Plain", "JpaTableOnly", "UserDto", "Status", "java.lang.String")) {
            assertThat(p.isPersistent(plain.contains(".") ? plain : "com.acme." + plain)).as(plain).isFalse();
        }
        assertThat(p.reason("com.acme.User")).hasValue("@Entity");
        assertThat(p.reason("com.acme.Coupon")).hasValue("@MappedSuperclass on Base");
        assertThat(p.isPersistent(null)).isFalse();
    }

    @Test
    void domainTypesOfRepositoriesDirectGenericAndDefinition() {
        PersistenceModel p = model(
                "Audit", "package com.acme; public class Audit { }",
                "Invoice", "package com.acme; public class Invoice { }",
                "Ticket", "package com.acme; public class Ticket { }",
                "Unrelated", "package com.acme; public class Unrelated { }",
                "AuditRepository", """
                        package com.acme;
                        import org.springframework.data.repository.CrudRepository;
                        public interface AuditRepository extends CrudRepository<Audit, Long> { }
                        """,
                "BaseRepository", """
                        package com.acme;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        public interface BaseRepository<T> extends JpaRepository<T, Long> { }
                        """,
                "InvoiceRepository", """
                        package com.acme;
                        public interface InvoiceRepository extends BaseRepository<Invoice> { }
                        """,
                "TicketRepository", """
                        package com.acme;
                        import org.springframework.data.repository.RepositoryDefinition;
                        @RepositoryDefinition(domainClass = Ticket.class, idClass = Long.class)
                        public interface TicketRepository { }
                        """,
                "UnrelatedRepository", """
                        package com.acme;
                        import java.util.function.Supplier;
                        public interface UnrelatedRepository extends Supplier<Unrelated> { }
                        """).persistence();
        assertThat(p.repositoryDomainTypes()).containsExactly(
                java.util.Map.entry("com.acme.AuditRepository", "com.acme.Audit"),
                java.util.Map.entry("com.acme.InvoiceRepository", "com.acme.Invoice"),
                java.util.Map.entry("com.acme.TicketRepository", "com.acme.Ticket"));
        assertThat(p.reason("com.acme.Invoice")).hasValue("domain type of InvoiceRepository");
        assertThat(p.isPersistent("com.acme.Unrelated")).isFalse();
        assertThat(p.domainTypeOf("com.acme.AuditRepository")).hasValue("com.acme.Audit");
        assertThat(p.domainTypeOf("com.acme.BaseRepository")).isEmpty();
    }

    @Test
    void persistentTypeLooksThroughContainers() {
        ProjectModel m = model("User", "package com.acme; import jakarta.persistence.Entity; @Entity public class User { }");
        PersistenceModel p = m.persistence();
        TypeRef user = TypeRef.simple("com.acme.User");
        TypeRef string = TypeRef.simple("java.lang.String");
        assertThat(p.persistentType(user)).map(TypeInfo::simpleName).hasValue("User");
        assertThat(p.persistentType(wrap("org.springframework.http.ResponseEntity",
                wrap("java.util.List", user)))).isPresent();
        assertThat(p.persistentType(wrap("reactor.core.publisher.Flux", user))).isPresent();
        assertThat(p.persistentType(wrap("org.springframework.data.domain.Page", user))).isPresent();
        assertThat(p.persistentType(new TypeRef("User[]", "com.acme.User", List.of(), 1))).isPresent();
        assertThat(p.persistentType(new TypeRef("Map<String, User>", "java.util.Map", List.of(string, user), 0)))
                .isPresent();
        assertThat(p.persistentType(new TypeRef("Map<User, String>", "java.util.Map", List.of(user, string), 0)))
                .isEmpty();
        assertThat(p.persistentType(wrap("com.acme.Envelope", user))).isEmpty();
        assertThat(p.unwrap(wrap("org.springframework.http.ResponseEntity", TypeRef.simple("?"))).qualifiedName())
                .isEqualTo("?");
    }

    private static TypeRef wrap(String container, TypeRef arg) {
        String simple = container.substring(container.lastIndexOf('.') + 1);
        return new TypeRef(simple + "<" + arg.text() + ">", container, List.of(arg), 0);
    }

    @Test
    void exposedSensitiveFieldsHonourJacksonAndFollowRelations() {
        PersistenceModel p = model("Account", """
                package com.acme;
                import com.fasterxml.jackson.annotation.*;
                import jakarta.persistence.*;
                @Entity
                @JsonIgnoreProperties({"salt"})
                public class Account {
                    private String passwordHash;
                    @JsonIgnore private String apiKey;
                    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) private String password;
                    private transient String otp;
                    private String salt;
                    private String resetToken;
                    private String secret;
                    private boolean pinned;
                    @ManyToOne private Account referrer;
                    public String getPasswordHash() { return passwordHash; }
                    public String getApiKey() { return apiKey; }
                    public String getPassword() { return password; }
                    public String getOtp() { return otp; }
                    public String getSalt() { return salt; }
                    @JsonIgnore public String getResetToken() { return resetToken; }
                    public boolean isPinned() { return pinned; }
                    public Account getReferrer() { return referrer; }
                }
                """, "Invoice", """
                package com.acme;
                import jakarta.persistence.*;
                @Entity
                public class Invoice {
                    @ManyToOne private Account customer;
                    public Account getCustomer() { return customer; }
                }
                """, "Hidden", """
                package com.acme;
                import jakarta.persistence.*;
                import com.fasterxml.jackson.annotation.JsonIgnore;
                @Entity
                public class Hidden {
                    @JsonIgnore @ManyToOne private Account customer;
                    public Account getCustomer() { return customer; }
                }
                """).persistence();
        // secret has no getter: Jackson does not see it; referrer cycles back to Account and is cut
        assertThat(p.exposedSensitiveFields("com.acme.Account")).extracting(PersistenceModel.ExposedField::path)
                .containsExactly("passwordHash");
        assertThat(p.exposedSensitiveFields("com.acme.Invoice")).extracting(PersistenceModel.ExposedField::path)
                .containsExactly("customer.passwordHash");
        assertThat(p.exposedSensitiveFields("com.acme.Hidden")).isEmpty();
    }

    @Test
    void writablePrivilegeFields() {
        PersistenceModel p = model("Member", """
                package com.acme;
                import com.fasterxml.jackson.annotation.*;
                import jakarta.persistence.*;
                @Entity
                public class Member {
                    private String role;
                    @JsonProperty(access = JsonProperty.Access.READ_ONLY) private boolean enabled;
                    @JsonIgnore private Long ownerId;
                    private boolean admin;
                    private java.math.BigDecimal balance;
                    private String status;
                    private String name;
                    public void setRole(String role) { this.role = role; }
                    public boolean isEnabled() { return enabled; }
                    public void setEnabled(boolean enabled) { this.enabled = enabled; }
                    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
                    public void setName(String name) { this.name = name; }
                    public String getStatus() { return status; }
                }
                """, "Profile", """
                package com.acme;
                import lombok.Data;
                import jakarta.persistence.*;
                @Entity @Data
                public class Profile { private boolean verified; }
                """).persistence();
        // admin and balance have no accessor: neither Jackson nor the binder can set them
        assertThat(p.writablePrivilegeFields("com.acme.Member")).extracting(FieldInfo::name)
                .containsExactly("role", "status");
        assertThat(p.writablePrivilegeFields("com.acme.Profile")).extracting(FieldInfo::name)
                .containsExactly("verified");
    }
}
