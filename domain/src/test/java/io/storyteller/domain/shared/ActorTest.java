package io.storyteller.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void thePlatformActsAsTheSystemActor() {
        Actor system = Actor.system();
        assertThat(system.userId()).isEqualTo("system");
        assertThat(system.roles()).containsExactly(PlatformRole.SYSTEM);
        assertThat(system.isSystem()).isTrue();
        assertThat(Actor.system()).isSameAs(system);
    }

    @Test
    void theSystemActorActsAnywhereLikeAPlatformAdmin() {
        assertThat(Actor.system().isPlatformAdmin()).isTrue();
    }

    @Test
    void aPlatformAdminIsNotTheSystem() {
        Actor admin = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
        assertThat(admin.isPlatformAdmin()).isTrue();
        assertThat(admin.isSystem()).isFalse();
        assertThat(admin.has(PlatformRole.PLATFORM_ADMIN)).isTrue();
    }

    @Test
    void aWorldAdminIsNeitherPlatformAdminNorSystem() {
        Actor worldAdmin = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN, PlatformRole.PLAYER));
        assertThat(worldAdmin.has(PlatformRole.WORLD_ADMIN)).isTrue();
        assertThat(worldAdmin.has(PlatformRole.PLAYER)).isTrue();
        assertThat(worldAdmin.isPlatformAdmin()).isFalse();
        assertThat(worldAdmin.isSystem()).isFalse();
    }

    @Test
    void anActorWithoutRolesHasNone() {
        assertThat(new Actor("olivia", null).roles()).isEmpty();
        assertThat(new Actor("olivia", Set.of()).has(PlatformRole.PLAYER)).isFalse();
    }

    @Test
    void anActorsRolesAreACopyThatCannotChange() {
        Set<PlatformRole> granted = new HashSet<>(Set.of(PlatformRole.PLAYER));
        Actor actor = new Actor("olivia", granted);
        granted.add(PlatformRole.PLATFORM_ADMIN);
        assertThat(actor.isPlatformAdmin()).isFalse();
        assertThatThrownBy(() -> actor.roles().add(PlatformRole.SYSTEM)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anActorIsSomeone() {
        assertThatThrownBy(() -> new Actor(" ", Set.of(PlatformRole.PLAYER)))
                .isInstanceOfSatisfying(DomainRejection.class, rejection -> assertThat(rejection.violation())
                        .extracting(Violation::kind, Violation::field, Violation::rule)
                        .containsExactly(RejectionKind.INVALID, "actor.userId", "required"));
    }

    @Test
    void anActorsIdIsShapedLikeAnId() {
        assertThatThrownBy(() -> new Actor("u".repeat(201), Set.of()))
                .isInstanceOfSatisfying(DomainRejection.class,
                        rejection -> assertThat(rejection.violation().rule()).isEqualTo("id-shape"));
    }
}
