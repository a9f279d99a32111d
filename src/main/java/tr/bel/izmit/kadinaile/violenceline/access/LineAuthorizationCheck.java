package tr.bel.izmit.kadinaile.violenceline.access;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import tr.bel.izmit.kadinaile.identity.AuthorizationWriteCheck;

/** The violence line's {@link AuthorizationWriteCheck}: authorizations that open it need a supervisor's approval. */
final class LineAuthorizationCheck implements AuthorizationWriteCheck {

    private final LineAccessGuard guard;

    private LineAuthorizationCheck(LineAccessGuard guard) {
        this.guard = guard;
    }

    @Override
    public void beforeWrite(AuthorizationEntity authorization, AuthorizationEntity previous) {
        guard.checkAuthorization(authorization, previous);
    }

    static final class Factory implements SessionFactory {

        private final LineAccessGuard guard;

        Factory(LineAccessGuard guard) {
            this.guard = guard;
        }

        @Override
        public Class<?> getSessionType() {
            return AuthorizationWriteCheck.class;
        }

        @Override
        public Session openSession() {
            return new LineAuthorizationCheck(guard);
        }
    }
}
