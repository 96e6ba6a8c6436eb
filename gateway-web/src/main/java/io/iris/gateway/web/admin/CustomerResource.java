package io.iris.gateway.web.admin;

import io.iris.gateway.governance.Customer;
import io.iris.gateway.governance.CustomerAdmin;
import io.iris.gateway.governance.CustomerSpec;
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

@Path("api/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    @Inject
    CustomerAdmin customers;

    public record CustomerView(UUID id, String name, List<LimitsJson.BudgetView> budgets,
                               LimitsJson.RateLimitView rateLimit, Instant createdAt, Instant updatedAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.getId(), c.getName(), LimitsJson.budgetViews(c), LimitsJson.rateLimitView(c),
                    c.getCreatedAt(), c.getUpdatedAt());
        }
    }

    @GET
    public ListView<CustomerView> list() {
        return new ListView<>(customers.list().stream().map(CustomerView::of).toList());
    }

    @GET
    @Path("{id}")
    public CustomerView get(@PathParam("id") String id) {
        return CustomerView.of(customers.get(Ids.parse("customer", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        Customer created = customers.create(JsonBodies.read(body, CustomerResource::spec));
        return AdminResponses.created(uri, created.getId().toString(), CustomerView.of(created));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerView replace(@PathParam("id") String id, String body) {
        UUID customerId = Ids.parse("customer", id);
        return CustomerView.of(customers.replace(customerId, JsonBodies.read(body, CustomerResource::spec)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        customers.delete(Ids.parse("customer", id));
        return AdminResponses.noContent();
    }

    private static CustomerSpec spec(JsonInput in) {
        return new CustomerSpec(in.string("name"), LimitsJson.budgets(in), LimitsJson.rateLimit(in));
    }
}
