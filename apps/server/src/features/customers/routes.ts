/** @module /api/v1/customers: customers and their contacts (email, phone, external ids). */
import {
  Contact,
  ContactBody,
  ContactList,
  Customer,
  CustomerList,
  CustomerPatch,
  CustomerWithContacts,
  IdempotencyHeaders,
  IdParams,
  NewCustomerBody,
  Offset,
  Uuid,
} from "@keel/contracts";
import { listContacts, listCustomers } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import {
  addContact,
  createCustomer,
  deleteCustomer,
  getCustomerWithContacts,
  removeContact,
  toContactDto,
  toCustomerDto,
  updateCustomer,
} from "./service.js";

const tags = ["customers"];

export const customerRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const actor = (request: Parameters<typeof principalOf>[0]) => actorOf(principalOf(request));

    app.get(
      "/customers",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "List customers, newest first",
          querystring: Offset,
          response: { 200: CustomerList },
        },
      },
      async (request) => ({ customers: (await listCustomers(deps.db, request.query)).map(toCustomerDto) }),
    );

    app.post(
      "/customers",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Create a customer with contacts",
          headers: IdempotencyHeaders,
          body: NewCustomerBody,
          response: { 201: CustomerWithContacts },
        },
      },
      async (request, reply) => {
        const created = unwrap(await createCustomer(deps, request.body, actor(request)));
        return reply
          .status(201)
          .send({ ...toCustomerDto(created.customer), contacts: created.contacts.map(toContactDto) });
      },
    );

    app.get(
      "/customers/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "A customer with contacts",
          params: IdParams,
          response: { 200: CustomerWithContacts },
        },
      },
      async (request) => {
        const found = unwrap(await getCustomerWithContacts(deps, request.params.id));
        return { ...toCustomerDto(found.customer), contacts: found.contacts.map(toContactDto) };
      },
    );

    app.patch(
      "/customers/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Rename a customer or set their timezone",
          params: IdParams,
          body: CustomerPatch,
          response: { 200: Customer },
        },
      },
      async (request) =>
        toCustomerDto(unwrap(await updateCustomer(deps, request.params.id, request.body, actor(request)))),
    );

    app.delete(
      "/customers/:id",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Delete a customer without cases (supervisor)",
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        unwrap(await deleteCustomer(deps, request.params.id, actor(request)));
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/customers/:id/contacts",
      {
        onRequest: guard.agent,
        schema: { tags, summary: "A customer's contacts", params: IdParams, response: { 200: ContactList } },
      },
      async (request) => {
        unwrap(await getCustomerWithContacts(deps, request.params.id));
        return { contacts: (await listContacts(deps.db, request.params.id)).map(toContactDto) };
      },
    );

    app.post(
      "/customers/:id/contacts",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Add a contact",
          headers: IdempotencyHeaders,
          params: IdParams,
          body: ContactBody,
          response: { 201: Contact },
        },
      },
      async (request, reply) => {
        const contact = unwrap(await addContact(deps, request.params.id, request.body, actor(request)));
        return reply.status(201).send(toContactDto(contact));
      },
    );

    app.delete(
      "/customers/:id/contacts/:contactId",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Remove a contact",
          params: z.object({ id: Uuid, contactId: Uuid }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        unwrap(await removeContact(deps, request.params.id, request.params.contactId, actor(request)));
        return reply.status(204).send(null);
      },
    );
  };
