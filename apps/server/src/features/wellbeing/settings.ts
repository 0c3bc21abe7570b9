/** @module Wellbeing settings: load decay and cooldowns, automatic routing, and the abuse policy's scripts. */
import { z } from "zod";
import { defineSetting } from "../settings/service.js";

export const wellbeingSetting = defineSetting({
  key: "wellbeing",
  description:
    "Agents' emotional load: its half-life in hours, the load at which a cooldown is offered, the default " +
    "cooldown length in minutes, and whether a cooldown starts by itself instead of being offered.",
  schema: z.object({
    cooldownMinutes: z.number().int().min(1).max(480),
    loadThreshold: z.number().positive().max(10_000),
    halfLifeHours: z
      .number()
      .positive()
      .max(24 * 30),
    autoCooldown: z.boolean(),
  }),
  defaultValue: { cooldownMinutes: 15, loadThreshold: 40, halfLifeHours: 4, autoCooldown: false },
});

export const routingSetting = defineSetting({
  key: "routing",
  description:
    "autoAssign: assign a new case when its first customer message arrives, by skills, capacity, load and " +
    "cooldown.",
  schema: z.object({ autoAssign: z.boolean() }),
  defaultValue: { autoAssign: true },
});

const ScriptText = z.string().trim().min(20, "must be a full message (20 characters or more)").max(2_000);

export const abusePolicySetting = defineSetting({
  key: "abuse_policy",
  description:
    "Boundary scripts for abusive customers: how many calm warnings come before the conversation is ended, " +
    "the texts ({name} is the customer's name, {channel} the other channel offered), and that channel.",
  schema: z.object({
    warningsBeforeEnding: z.number().int().min(1).max(5),
    warningText: ScriptText,
    closingText: ScriptText,
    otherChannel: z.string().trim().min(1).max(200),
  }),
  defaultValue: {
    warningsBeforeEnding: 1,
    warningText:
      "Hi {name}, I want to get this sorted for you, and I'll ask that we keep this respectful so I can. " +
      "I'm looking into it now and will update you with what I find.",
    closingText:
      "Hi {name}, I've asked that we keep this respectful, and the language has continued, so I'm going to end " +
      "this conversation here. Your case stays open and nothing is lost: you can reach us by {channel}, and " +
      "we'll pick it up from where we left off.",
    otherChannel: "phone during business hours",
  },
});
