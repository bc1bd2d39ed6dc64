package dev.apisec.core.analysis.ownership;

import dev.apisec.core.model.FlowStep;
import dev.apisec.core.model.Endpoint;
import dev.apisec.core.model.EndpointParameter;
import dev.apisec.core.model.SourceLocation;

import java.util.List;

/**
 * An object reference of an endpoint that reaches a data-access sink with no ownership check on the way.
 *
 * @param reference     the handler parameter carrying the reference
 * @param referenceName how the reference is read: {@code id}, or {@code request.orderId} for a body DTO field
 * @param sink          {@code OrderRepository.findById}, {@code EntityManager.find}, ...
 * @param inferred      true when part of the path was recognised by name only (a sink on a type outside the
 *                      project, or a principal helper recognised by its name)
 * @param flow          parameter → calls → sink
 */
public record ObjectAccess(Endpoint endpoint, EndpointParameter reference, String referenceName, String sink,
                           boolean inferred, List<FlowStep> flow, SourceLocation sinkLocation) {

    public ObjectAccess {
        flow = List.copyOf(flow);
    }
}
