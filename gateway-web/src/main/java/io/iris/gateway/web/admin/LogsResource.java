package io.iris.gateway.web.admin;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.NotFoundException;
import io.iris.gateway.observability.LogStatsQuery;
import io.iris.gateway.observability.RequestLogQuery;
import io.iris.gateway.observability.RequestLogs;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request log (API.md §5): {@code GET /api/logs} pages of records newest first, filtered, with an opaque
 * {@code next_cursor} ({@code {"data": [...], "next_cursor": "..." | null}}, the envelope of every admin list);
 * {@code GET /api/logs/{request_id}} one record with its attempts and trace; {@code GET /api/logs/stats} counts,
 * error rate, latency percentiles, tokens and cost per group. Bad parameters are a 400 naming each of them. Only
 * GETs: nothing here rebuilds the configuration snapshot (see {@link SnapshotRefreshFilter}).
 */
@Path("api/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogsResource {
    @Inject
    RequestLogs logs;

    @GET
    public JsonObject list(@Context UriInfo uri) {
        RequestLogs.Page page = logs.list(RequestLogQuery.parse(params(uri)));
        JsonObjectBuilder json = JsonP.PROVIDER.createObjectBuilder().add("data", array(page.records()));
        page.next().ifPresentOrElse(next -> json.add("next_cursor", next.encode()), () -> json.addNull("next_cursor"));
        return json.build();
    }

    @GET
    @Path("stats")
    public JsonObject stats(@Context UriInfo uri) {
        LogStatsQuery query = LogStatsQuery.parse(params(uri), Instant.now());
        return JsonP.PROVIDER.createObjectBuilder()
                .add("group_by", query.groupBy().wireName())
                .add("from", query.from().toString())
                .add("to", query.to().toString())
                .add("data", array(logs.stats(query)))
                .build();
    }

    @GET
    @Path("{request_id}")
    public JsonObject get(@PathParam("request_id") String requestId) {
        return logs.find(requestId).orElseThrow(() -> NotFoundException.of("request log record", requestId));
    }

    /** The first value of each query parameter. */
    private static Map<String, String> params(UriInfo uri) {
        Map<String, String> first = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }

    private static JsonArrayBuilder array(List<JsonObject> items) {
        JsonArrayBuilder array = JsonP.PROVIDER.createArrayBuilder();
        items.forEach(array::add);
        return array;
    }
}
