package dev.signoff.demo;

import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;

/**
 * {@code 415} for a request to a form-consuming resource ({@link TokenResource}) whose body is not
 * a form Jersey can read: no {@code Content-Type} at all, or a charset that does not exist. Jersey
 * matches both to {@code @Consumes(form)} and then fails while injecting {@code @FormParam}s,
 * which it answers with 500 (seen by the fuzz campaign, SECURITY.md).
 */
@Provider
public class FormBodies implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Consumes consumes = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null || !List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !knownCharset(type)) {
            request.abortWith(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .entity(Json.createObjectBuilder().add("error", "unsupported_media_type")
                            .add("message", "Send the form as application/x-www-form-urlencoded.").build())
                    .type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build());
        }
    }

    private static boolean knownCharset(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null || Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
