/**
 * @module Wellbeing routes: load (supervisors: everyone's; agents: their own), cooldowns, routing a case, the
 * boundary script for an abusive customer, contact blocks (admins) and the profanity-masking preference.
 */
import {
  BlockBody,
  BlockedContact,
  BlockedContactList,
  BoundaryScript,
  CooldownBody,
  CooldownResponse,
  IdParams,
  LoadOverview,
  MyWellbeing,
  Preferences,
  PreferencesPatch,
  RouteResult,
} from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import {
  blockContact,
  blockedContacts,
  boundaryScript,
  endMyCooldown,
  loadOverview,
  myWellbeing,
  routeCaseNow,
  setPreferences,
  takeCooldown,
  toBlockedContactDto,
  unblockContact,
} from "./service.js";

const tags = ["wellbeing"];

export const wellbeingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/wellbeing/load",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Every agent's current load, abuse exposure (7/30 days), hostile cases today and cooldown",
          response: { 200: LoadOverview },
        },
      },
      async () => loadOverview(deps),
    );

    app.get(
      "/wellbeing/me",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "My load, exposure, cooldown and recent load events",
          response: { 200: MyWellbeing },
        },
      },
      async (request) => myWellbeing(deps, principalOf(request).agent),
    );

    app.post(
      "/wellbeing/cooldown",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Start a cooldown: no new hostile cases are routed to me until it ends",
          body: CooldownBody,
          response: { 201: CooldownResponse },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const cooldown = await takeCooldown(deps, principal.agent, request.body.minutes, actorOf(principal));
        return reply.status(201).send({ cooldown });
      },
    );

    app.delete(
      "/wellbeing/cooldown",
      {
        onRequest: guard.agent,
        schema: { tags, summary: "End my cooldown early", response: { 200: CooldownResponse } },
      },
      async (request) => {
        const principal = principalOf(request);
        unwrap(await endMyCooldown(deps, principal.agent, actorOf(principal)));
        return { cooldown: null };
      },
    );

    app.post(
      "/cases/:id/route",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Assign the case by skills, capacity, load and cooldown, and say why (supervisor)",
          params: IdParams,
          response: { 200: RouteResult },
        },
      },
      async (request) => unwrap(await routeCaseNow(deps, request.params.id, actorOf(principalOf(request)))),
    );

    app.get(
      "/cases/:id/boundary-script",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "The abuse policy's next script for this case: a calm warning, or the closing script",
          params: IdParams,
          response: { 200: BoundaryScript },
        },
      },
      async (request) => unwrap(await boundaryScript(deps.db, request.params.id)),
    );

    app.get(
      "/agents/me/preferences",
      {
        onRequest: guard.agent,
        schema: { tags, summary: "My preferences", response: { 200: Preferences } },
      },
      async (request) => ({ maskProfanity: principalOf(request).agent.mask_profanity }),
    );

    app.patch(
      "/agents/me/preferences",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Change my preferences (maskProfanity: customer messages shown with profanity masked)",
          body: PreferencesPatch,
          response: { 200: Preferences },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const agent = unwrap(await setPreferences(deps, principal.agent, request.body, actorOf(principal)));
        return { maskProfanity: agent.mask_profanity };
      },
    );

    app.get(
      "/contacts/blocked",
      {
        onRequest: guard.supervisor,
        schema: { tags, summary: "Blocked contacts (supervisor)", response: { 200: BlockedContactList } },
      },
      async () => ({ contacts: (await blockedContacts(deps.db)).map(toBlockedContactDto) }),
    );

    app.post(
      "/contacts/:id/block",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary:
            "Block a contact (admin): their messages are still stored, but reopen no case, are not routed and notify no one",
          params: IdParams,
          body: BlockBody,
          response: { 200: BlockedContact },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const contact = unwrap(
          await blockContact(
            deps.db,
            request.params.id,
            request.body.reason,
            actorOf(principal),
            deps.clock.now(),
          ),
        );
        return toBlockedContactDto(contact);
      },
    );

    app.delete(
      "/contacts/:id/block",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "Unblock a contact (admin)",
          params: IdParams,
          response: { 200: BlockedContact },
        },
      },
      async (request) =>
        toBlockedContactDto(
          unwrap(await unblockContact(deps.db, request.params.id, actorOf(principalOf(request)))),
        ),
    );
  };
