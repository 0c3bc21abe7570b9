/** @module /api/v1/settings: admin settings by key (follow-up delay, abuse policy…), each save a new version. */
import { Setting, SettingBody, SettingHistory, SettingKeyParams, SettingList } from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { findSetting, registeredSettings } from "./registry.js";
import { readSettingHistory, readSettingState, type SettingDefinition, writeSetting } from "./service.js";

const tags = ["settings"];

function definitionOf(key: string): SettingDefinition {
  const definition = findSetting(key);
  if (!definition) {
    const known = registeredSettings()
      .map((d) => d.key)
      .join(", ");
    throw new AppError("not_found", `No setting "${key}". Known settings: ${known || "none"}.`, "key");
  }
  return definition;
}

export const settingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const toDto = async (definition: SettingDefinition) => {
      const state = await readSettingState(deps.db, definition);
      return {
        key: definition.key,
        description: definition.description,
        value: state.value,
        default: definition.defaultValue,
        version: state.version,
        updatedAt: state.updatedAt?.toISOString() ?? null,
        updatedBy: state.updatedBy,
      };
    };

    app.get(
      "/settings",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Every setting with its current value (supervisor)",
          response: { 200: SettingList },
        },
      },
      async () => ({ settings: await Promise.all(registeredSettings().map(toDto)) }),
    );

    app.get(
      "/settings/:key",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "One setting (supervisor)",
          params: SettingKeyParams,
          response: { 200: Setting },
        },
      },
      async (request) => toDto(definitionOf(request.params.key)),
    );

    app.get(
      "/settings/:key/history",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Earlier versions of a setting, newest first (supervisor)",
          params: SettingKeyParams,
          response: { 200: SettingHistory },
        },
      },
      async (request) => {
        const definition = definitionOf(request.params.key);
        const versions = await readSettingHistory(deps.db, definition.key);
        return {
          key: definition.key,
          versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
        };
      },
    );

    app.put(
      "/settings/:key",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "Replace a setting's value (admin); the previous version is kept",
          params: SettingKeyParams,
          body: SettingBody,
          response: { 200: Setting },
        },
      },
      async (request) => {
        const definition = definitionOf(request.params.key);
        const principal = principalOf(request);
        const before = await readSettingState(deps.db, definition);
        const saved = unwrap(
          await writeSetting(
            deps.db,
            definition,
            request.body.value,
            { agentId: principal.agent.id },
            deps.clock.now(),
          ),
        );
        await audit(deps.db, actorOf(principal), {
          entity: "setting",
          entityId: definition.key,
          action: "update",
          before: { version: before.version, value: before.value },
          after: { version: saved.version, value: saved.value },
        });
        return toDto(definition);
      },
    );
  };
