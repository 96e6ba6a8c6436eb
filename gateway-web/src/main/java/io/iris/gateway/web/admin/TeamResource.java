package io.iris.gateway.web.admin;

import io.iris.gateway.governance.Team;
import io.iris.gateway.governance.TeamAdmin;
import io.iris.gateway.governance.TeamSpec;
import io.iris.gateway.web.json.JsonBodies;
import io.iris.gateway.web.json.JsonInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("api/teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
    @Inject
    TeamAdmin teams;

    public record TeamView(UUID id, String name, UUID customerId, List<LimitsJson.BudgetView> budgets,
                           LimitsJson.RateLimitView rateLimit, Instant createdAt, Instant updatedAt) {
        static TeamView of(Team t) {
            return new TeamView(t.getId(), t.getName(), t.getCustomerId(), LimitsJson.budgetViews(t),
                    LimitsJson.rateLimitView(t), t.getCreatedAt(), t.getUpdatedAt());
        }
    }

    @GET
    public ListView<TeamView> list() {
        return new ListView<>(teams.list().stream().map(TeamView::of).toList());
    }

    @GET
    @Path("{id}")
    public TeamView get(@PathParam("id") String id) {
        return TeamView.of(teams.get(Ids.parse("team", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        Team created = teams.create(JsonBodies.read(body, TeamResource::spec));
        return AdminResponses.created(uri, created.getId().toString(), TeamView.of(created));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TeamView replace(@PathParam("id") String id, String body) {
        UUID teamId = Ids.parse("team", id);
        return TeamView.of(teams.replace(teamId, JsonBodies.read(body, TeamResource::spec)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        teams.delete(Ids.parse("team", id));
        return AdminResponses.noContent();
    }

    private static TeamSpec spec(JsonInput in) {
        return new TeamSpec(in.string("name"), in.uuid("customer_id"), LimitsJson.budgets(in),
                LimitsJson.rateLimit(in));
    }
}
