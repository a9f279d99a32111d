package tr.bel.izmit.kadinaile.identity;

import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A staff member as Spring Security knows her after a login against the Camunda identity: her user id, her groups
 * (which are also her authorities, so rules name group ids) and her tenants, as the engine needs them
 * ({@link EngineAuthenticationBridge}).
 */
public record EngineUser(String id, List<String> groupIds, List<String> tenantIds) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return id;
    }

    UsernamePasswordAuthenticationToken authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
            groupIds.stream().map(SimpleGrantedAuthority::new).toList());
    }
}
