package dev.apisec.core.security;

import dev.apisec.core.model.Endpoint;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's security configuration as apisec understood it, and the effective access of every endpoint.
 *
 * @param springSecurity        whether the project uses Spring Security at all
 * @param chains                Spring Security filter chains, in the order Spring consults them
 * @param ignored               paths excluded from Spring Security ({@code web.ignoring()})
 * @param methodSecurity        which method-security annotations Spring enforces
 * @param webXmlConstraints     {@code web.xml} security constraints
 * @param authenticationFilters project filters/interceptors that appear to check authentication themselves
 */
public record SecurityModel(boolean springSecurity, List<SecurityChain> chains, List<IgnoredPath> ignored,
                            MethodSecuritySettings methodSecurity, List<WebXmlConstraint> webXmlConstraints,
                            List<Evidence> authenticationFilters, Map<Endpoint, Access> accessByEndpoint) {

    public SecurityModel {
        chains = List.copyOf(chains);
        ignored = List.copyOf(ignored);
        webXmlConstraints = List.copyOf(webXmlConstraints);
        authenticationFilters = List.copyOf(authenticationFilters);
        accessByEndpoint = new IdentityHashMap<>(accessByEndpoint);
    }

    /** The effective access of an endpoint of the model this security model was built for. */
    public Access access(Endpoint endpoint) {
        Access a = accessByEndpoint.get(endpoint);
        if (a == null) {
            throw new IllegalArgumentException("not an endpoint of this model: " + endpoint.route());
        }
        return a;
    }
}
