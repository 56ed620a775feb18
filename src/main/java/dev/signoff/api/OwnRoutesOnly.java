package dev.signoff.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Lets through only requests matched to {@link SessionsResource}: whatever else a JAX-RS runtime
 * adds to every application by itself (Jersey's {@code application.wadl}, automatic OPTIONS
 * answers) gets the API's 404. Registered only by {@link SignOffApi#getClasses()}.
 */
public class OwnRoutesOnly implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != SessionsResource.class) {
            request.abortWith(ApiError.forStatus(404).response(404));
        }
    }
}
