package io.storyteller.graphql.security;

import io.storyteller.domain.shared.TextRules;
import io.storyteller.graphql.caller.ActorClaims;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Turns a verified token into the authentication the API works with: named by {@code sub}, with
 * one {@code ROLE_} authority per platform role it grants (never SYSTEM). A token must expire:
 * one without {@code exp} is refused whoever signed it, since it could never be taken back.
 */
public class JwtActorConverter implements Converter<Jwt, JwtAuthenticationToken> {

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        if (!StringUtils.hasText(jwt.getSubject())) {
            throw new InvalidBearerTokenException("the token names no subject");
        }
        if (!TextRules.isId(jwt.getSubject())) {
            // A user id is an id like any other (TextRules): a subject that is none could never be a member.
            throw new InvalidBearerTokenException("the token's subject is not a valid user id");
        }
        if (jwt.getExpiresAt() == null) {
            throw new InvalidBearerTokenException("the token has no expiry (exp)");
        }
        List<GrantedAuthority> authorities = ActorClaims.roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
