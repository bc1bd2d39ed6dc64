package dev.apisec.core.analysis.ownership;

import dev.apisec.core.TestProject;
import dev.apisec.core.model.FlowStep;
import dev.apisec.core.api.ProjectModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipAnalysisTest {

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void domain() {
        project = new TestProject(dir)
                .file("src/main/java/com/acme/domain/Order.java", """
                        package com.acme.domain;

                        import jakarta.persistence.*;

                        @Entity
                        public class Order {
                            @Id Long id;
                            String owner;
                            public Long getId() { return id; }
                            public String getOwner() { return owner; }
                        }
                        """)
                .file("src/main/java/com/acme/domain/OrderRepository.java", """
                        package com.acme.domain;

                        import java.util.List;
                        import java.util.Optional;
                        import org.springframework.data.jpa.repository.JpaRepository;
                        import org.springframework.data.jpa.repository.Query;

                        public interface OrderRepository extends JpaRepository<Order, Long> {
                            Optional<Order> findByIdAndOwner(Long id, String owner);
                            List<Order> findAllByOwner(String owner);
                            @Query("select o from Order o where o.id = :id and o.owner = ?#{principal.username}")
                            Optional<Order> findMine(Long id);
                        }
                        """);
    }

    /** "METHOD /path ref -> sink [inferred]" for every unchecked access. */
    private Map<String, String> unchecked(ProjectModel model) {
        Map<String, String> out = new TreeMap<>();
        for (ObjectAccess a : model.uncheckedObjectAccesses()) {
            out.put(a.endpoint().route() + " " + a.referenceName(), a.sink() + (a.inferred() ? " [inferred]" : ""));
        }
        return out;
    }

    private ProjectModel controller(String body) {
        return project.file("src/main/java/com/acme/web/OrderController.java", """
                package com.acme.web;

                import com.acme.domain.*;
                import java.security.Principal;
                import java.util.List;
                import org.springframework.security.access.prepost.*;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/orders")
                class OrderController {
                    private final OrderRepository orders;
                    private final OrderService service;

                    OrderController(OrderRepository orders, OrderService service) {
                        this.orders = orders;
                        this.service = service;
                    }
                %s
                }
                """.formatted(body)).model();
    }

    private void services(String impl) {
        project.file("src/main/java/com/acme/web/OrderService.java", """
                package com.acme.web;

                import com.acme.domain.Order;

                public interface OrderService {
                    Order load(Long id);
                    Order loadFor(Long id, String user);
                }
                """).file("src/main/java/com/acme/web/OrderServiceImpl.java", """
                package com.acme.web;

                import com.acme.domain.*;

                class OrderServiceImpl implements OrderService {
                    private final OrderRepository repository;
                    private final AuditService audit = new AuditService();
                    OrderServiceImpl(OrderRepository repository) { this.repository = repository; }
                %s
                }
                """.formatted(impl)).file("src/main/java/com/acme/web/AuditService.java", """
                package com.acme.web;

                import org.slf4j.Logger;

                class AuditService {
                    private Logger log;
                    void record(Long id) { log.info("order {}", id); record(id + 1); }
                }
                """);
    }

    @Test
    void directRepositoryAccessAndDomainClassConversionAreUnchecked() {
        services("public Order load(Long id) { return null; } public Order loadFor(Long id, String u) { return null; }");
        ProjectModel model = controller("""
                    @GetMapping("/{id}")
                    Order get(@PathVariable Long id) { return orders.findById(id).orElseThrow(); }

                    @DeleteMapping("/{orderId}")
                    void delete(@PathVariable("orderId") Long orderId) { orders.deleteById(orderId); }

                    @GetMapping("/by-entity/{id}")
                    Order entity(@PathVariable("id") Order order) { return order; }

                    @GetMapping
                    List<Order> mine(Principal me) { return orders.findAllByOwner(me.getName()); }

                    @PostMapping
                    Order create(@RequestBody String body) { return null; }
                """);
        assertThat(unchecked(model)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GET /orders/{id} id", "OrderRepository.findById",
                "DELETE /orders/{orderId} orderId", "OrderRepository.deleteById",
                "GET /orders/by-entity/{id} id", "domain class conversion of Order")));
        ObjectAccess get = model.uncheckedObjectAccesses().stream()
                .filter(a -> a.endpoint().route().equals("GET /orders/{id}")).findFirst().orElseThrow();
        assertThat(get.flow()).extracting(FlowStep::message)
                .containsExactly("'id' (path) enters GET /orders/{id}", "reaches OrderRepository.findById");
        assertThat(get.flow().get(1).location().file()).isEqualTo("src/main/java/com/acme/web/OrderController.java");
        assertThat(get.flow().get(1).location().startLine()).isEqualTo(20);
    }

    @Test
    void followsServicesInterfacesAndStopsOnCycles() {
        services("""
                    public Order load(Long id) {
                        audit.record(id);
                        Long key = id;
                        return repository.findById(key).orElse(null);
                    }
                    public Order loadFor(Long id, String user) {
                        return repository.findByIdAndOwner(id, user).orElseThrow();
                    }
                """);
        ProjectModel model = controller("""
                    @GetMapping("/{id}")
                    Order get(@PathVariable Long id) { return service.load(id); }

                    @GetMapping("/mine/{id}")
                    Order mine(@PathVariable Long id, Principal me) { return service.loadFor(id, me.getName()); }

                    @GetMapping("/log/{id}")
                    void log(@PathVariable Long id) { new AuditService().record(id); }
                """);
        assertThat(unchecked(model)).containsExactlyEntriesOf(Map.of(
                "GET /orders/{id} id", "OrderRepository.findById"));
        ObjectAccess a = model.uncheckedObjectAccesses().get(0);
        assertThat(a.flow()).extracting(FlowStep::message).containsExactly("'id' (path) enters GET /orders/{id}",
                "passed to OrderServiceImpl.load", "reaches OrderRepository.findById");
        assertThat(a.flow().get(2).location().file()).isEqualTo("src/main/java/com/acme/web/OrderServiceImpl.java");
    }

    @Test
    void servicesReachedByCallsAreReadAsSkeletonsNotOutlined() {
        services("""
                    public Order load(Long id) { return repository.findById(id).orElse(null); }
                    public Order loadFor(Long id, String user) { return null; }
                    public String describe() { return "x"; }
                """);
        ProjectModel model = controller("""
                    @GetMapping("/{id}")
                    Order get(@PathVariable Long id) { return service.load(id); }
                """);
        var sources = model.types().sources();
        int outlinedBefore = sources.outlinedCount();
        assertThat(unchecked(model)).containsExactlyEntriesOf(Map.of("GET /orders/{id} id", "OrderRepository.findById"));
        // the interface and its implementation were followed by name: skeletons plus the called method, no outline
        assertThat(sources.outlinedCount() - outlinedBefore).isEqualTo(model.types().loadedTypes().stream()
                .filter(t -> t.qualifiedName().startsWith("com.acme.domain.")).map(t -> t.file()).distinct().count());
        assertThat(model.types().loadedTypes()).extracting(t -> t.qualifiedName())
                .doesNotContain("com.acme.web.OrderService", "com.acme.web.OrderServiceImpl");
        assertThat(sources.partiallyOutlinedCount()).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorInAMethodNobodyReadsDoesNotStopTheAnalysisOneInAReadMethodIsReported() {
        services("""
                    public Order load(Long id) { return repository.findById(id).orElse(null); }
                    public Order loadFor(Long id, String user) { return null; }
                    void unrelated() { int x = ; }
                """);
        ProjectModel model = controller("""
                    @GetMapping("/{id}")
                    Order get(@PathVariable Long id) { return service.load(id); }

                    @GetMapping("/broken/{id}")
                    Order broken(@PathVariable Long id) { return orders.findById(id) .orElseThrow(; }
                """);
        // the service's skeleton and its load method parse: the finding is there, and nothing is said about the
        // broken method no analysis reads
        assertThat(unchecked(model)).containsEntry("GET /orders/{id} id", "OrderRepository.findById");
        // the broken handler is read: its file is reported, as partly analysed (its endpoints were found)
        assertThat(model.endpoints()).extracting(e -> e.route()).contains("GET /orders/broken/{id}");
        assertThat(model.notifications().sorted()).extracting(n -> n.toString())
                .anySatisfy(n -> assertThat(n).startsWith("src/main/java/com/acme/web/OrderController.java:")
                        .contains("file partly analysed (its declarations and the methods that parse): syntax error"))
                .noneSatisfy(n -> assertThat(n).contains("OrderServiceImpl.java"));
    }

    @Test
    void ownershipChecksSilenceTheFinding() {
        services("public Order load(Long id) { return null; } public Order loadFor(Long id, String u) { return null; }");
        ProjectModel model = controller("""
                    @GetMapping("/a/{id}")
                    Order compared(@PathVariable Long id, Principal me) {
                        Order o = orders.findById(id).orElseThrow();
                        if (!o.getOwner().equals(me.getName())) { throw new IllegalStateException(); }
                        return o;
                    }

                    @GetMapping("/b/{id}")
                    Order filtered(@PathVariable Long id, Principal me) {
                        String name = me.getName();
                        return orders.findById(id).filter(o -> o.getOwner().equals(name)).orElseThrow();
                    }

                    @GetMapping("/c/{id}")
                    Order query(@PathVariable Long id) { return orders.findMine(id).orElseThrow(); }

                    @PreAuthorize("@orderSecurity.canRead(#id, authentication)")
                    @GetMapping("/d/{id}")
                    Order bean(@PathVariable Long id) { return orders.findById(id).orElseThrow(); }

                    @PostAuthorize("returnObject.owner == authentication.name")
                    @GetMapping("/e/{id}")
                    Order post(@PathVariable Long id) { return orders.findById(id).orElseThrow(); }

                    @GetMapping("/f/{id}")
                    Order checker(@PathVariable Long id) {
                        Order o = orders.getReferenceById(id);
                        assertOwnerAccess(o);
                        return o;
                    }

                    @GetMapping("/g/{id}")
                    Order context(@PathVariable Long id) {
                        Order o = orders.findById(id).orElseThrow();
                        String user = org.springframework.security.core.context.SecurityContextHolder
                                .getContext().getAuthentication().getName();
                        if (o.getOwner() != user) { throw new IllegalStateException(); }
                        return o;
                    }

                    @GetMapping("/h/{id}")
                    Order owned(@PathVariable Long id, Principal me) {
                        return orders.findByIdAndOwner(id, me.getName()).orElseThrow();
                    }

                    private void assertOwnerAccess(Order o) { }
                """);
        assertThat(unchecked(model)).isEmpty();
    }

    @Test
    void dtoFieldsCurrentUserHelpersAndLibraryDaos() {
        services("public Order load(Long id) { return null; } public Order loadFor(Long id, String u) { return null; }");
        project.file("src/main/java/com/acme/web/Transfer.java",
                        "package com.acme.web; public record Transfer(Long fromOrderId, long amount) { }")
                .file("src/main/java/com/acme/web/Auth.java", """
                        package com.acme.web;

                        import jakarta.servlet.http.HttpServletRequest;

                        class Auth {
                            String userFromToken(HttpServletRequest request) {
                                String header = request.getHeader("Authorization");
                                return header.substring(7);
                            }
                        }
                        """);
        ProjectModel model = controller("""
                    private final Auth auth = new Auth();
                    private final com.legacy.OrderDao dao = null;

                    @PostMapping("/transfer")
                    void transfer(@RequestBody Transfer t) { orders.findById(t.fromOrderId()); }

                    @GetMapping("/token/{id}")
                    Order token(@PathVariable Long id, jakarta.servlet.http.HttpServletRequest request) {
                        String user = auth.userFromToken(request);
                        Order o = orders.findById(id).orElseThrow();
                        if (!user.equals(o.getOwner())) { throw new IllegalStateException(); }
                        return o;
                    }

                    @GetMapping("/legacy/{id}")
                    Object legacy(@PathVariable Long id) { return dao.findById(id); }
                """);
        assertThat(unchecked(model)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "POST /orders/transfer t.fromOrderId", "OrderRepository.findById",
                "GET /orders/legacy/{id} id", "OrderDao.findById [inferred]")));
    }

    @Test
    void jaxRsSecurityContextComparison() {
        project.file("src/main/java/com/acme/rs/OrdersResource.java", """
                package com.acme.rs;

                import com.acme.domain.*;
                import jakarta.ws.rs.*;
                import jakarta.ws.rs.core.*;

                @Path("/rs/orders")
                public class OrdersResource {
                    OrderRepository orders;

                    @GET @Path("{id}")
                    public Order get(@PathParam("id") Long id, @Context SecurityContext sc) {
                        Order o = orders.findById(id).orElseThrow();
                        if (!o.getOwner().equals(sc.getUserPrincipal().getName())) { throw new ForbiddenException(); }
                        return o;
                    }

                    @DELETE @Path("{id}")
                    public void delete(@PathParam("id") Long id) { orders.deleteById(id); }
                }
                """);
        assertThat(unchecked(project.model())).containsExactlyEntriesOf(Map.of(
                "DELETE /rs/orders/{id} id", "OrderRepository.deleteById"));
    }

    @Test
    void adminOnlyEndpointsAreNotFlagged() {
        services("public Order load(Long id) { return null; } public Order loadFor(Long id, String u) { return null; }");
        project.file("src/main/java/com/acme/Sec.java", """
                package com.acme;

                import org.springframework.context.annotation.Bean;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;

                class Sec {
                    @Bean
                    SecurityFilterChain chain(HttpSecurity http) throws Exception {
                        return http.authorizeHttpRequests(a -> a
                                .requestMatchers("/orders/admin/**").hasRole("ADMIN")
                                .anyRequest().authenticated()).build();
                    }
                }
                """);
        ProjectModel model = controller("""
                    @GetMapping("/admin/{id}")
                    Order admin(@PathVariable Long id) { return orders.findById(id).orElseThrow(); }

                    @GetMapping("/{id}")
                    Order user(@PathVariable Long id) { return orders.findById(id).orElseThrow(); }
                """);
        assertThat(unchecked(model)).containsOnlyKeys("GET /orders/{id} id");
    }

    @Test
    void referenceNamesAndTypes() {
        services("public Order load(Long id) { return null; } public Order loadFor(Long id, String u) { return null; }");
        ProjectModel model = controller("""
                    @GetMapping("/x")
                    Order byQuery(@RequestParam("orderNumber") String number) { return orders.findById(Long.valueOf(number)).orElseThrow(); }

                    @GetMapping("/y")
                    Order notAReference(@RequestParam int page) { return orders.findById((long) page).orElseThrow(); }
                """);
        assertThat(unchecked(model)).containsOnlyKeys("GET /orders/x number");
    }

    @Test
    void sharedObjectsWithoutAnOwnerAreNotFlaggedAndEntityManagerIsASink() {
        project.file("src/main/java/com/acme/domain/Product.java", """
                        package com.acme.domain;

                        @jakarta.persistence.Entity
                        public class Product { @jakarta.persistence.Id Long id; String name; }
                        """)
                .file("src/main/java/com/acme/domain/ProductRepository.java", """
                        package com.acme.domain;

                        public interface ProductRepository extends org.springframework.data.repository.CrudRepository<Product, Long> { }
                        """)
                .file("src/main/java/com/acme/domain/Invoice.java", """
                        package com.acme.domain;

                        @jakarta.persistence.Entity
                        public class Invoice { @jakarta.persistence.Id Long id; Long customerId; }
                        """)
                .file("src/main/java/com/acme/web/CatalogController.java", """
                        package com.acme.web;

                        import com.acme.domain.*;
                        import jakarta.persistence.EntityManager;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        class CatalogController {
                            ProductRepository products;
                            EntityManager em;

                            @GetMapping("/products/{id}")
                            Product product(@PathVariable Long id) { return products.findById(id).orElseThrow(); }

                            @GetMapping("/products/by-entity/{id}")
                            Product entity(@PathVariable("id") Product product) { return product; }

                            @GetMapping("/invoices/{invoiceId}")
                            Invoice invoice(@PathVariable Long invoiceId) { return em.find(Invoice.class, invoiceId); }
                        }
                        """);
        assertThat(unchecked(project.model())).containsExactlyEntriesOf(Map.of(
                "GET /invoices/{invoiceId} invoiceId", "EntityManager.find"));
    }

    @Test
    void repositoryOfAnEntityOutsideTheProjectIsAnInferredSink() {
        project.file("src/main/java/com/acme/domain/LessonRepository.java", """
                        package com.acme.domain;

                        import org.springframework.data.jpa.repository.JpaRepository;
                        import com.vendor.model.Lesson;

                        public interface LessonRepository extends JpaRepository<Lesson, Long> { }
                        """)
                .file("src/main/java/com/acme/web/LessonController.java", """
                        package com.acme.web;

                        import com.acme.domain.LessonRepository;
                        import org.springframework.web.bind.annotation.*;

                        @RestController
                        class LessonController {
                            private final LessonRepository lessons;
                            LessonController(LessonRepository lessons) { this.lessons = lessons; }

                            @GetMapping("/lessons/{id}")
                            Object get(@PathVariable Long id) { return lessons.findById(id).orElseThrow(); }
                        }
                        """);
        assertThat(unchecked(project.model())).containsExactlyEntriesOf(Map.of(
                "GET /lessons/{id} id", "LessonRepository.findById [inferred]"));
    }
}
