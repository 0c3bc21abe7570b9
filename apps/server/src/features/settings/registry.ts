/** @module Every admin setting Keel knows, for the settings routes and screen; features add theirs here. */
import { slaSetting } from "../cases/sla-setting.js";
import { followupsSetting } from "../followups/settings.js";
import { acknowledgmentSetting, progressUpdatesSetting } from "../informed/settings.js";
import { promisesSetting } from "../promises/settings.js";
import { webhooksSetting } from "../webhooks/settings.js";
import { abusePolicySetting, routingSetting, wellbeingSetting } from "../wellbeing/settings.js";
import { deskSetting } from "./desk-setting.js";
import type { SettingDefinition } from "./service.js";

/** Listed lazily: feature setting modules import the settings service. */
export function registeredSettings(): SettingDefinition[] {
  return [
    deskSetting,
    promisesSetting,
    wellbeingSetting,
    routingSetting,
    abusePolicySetting,
    acknowledgmentSetting,
    progressUpdatesSetting,
    followupsSetting,
    webhooksSetting,
    slaSetting,
  ];
}

export function findSetting(key: string): SettingDefinition | undefined {
  return registeredSettings().find((definition) => definition.key === key);
}
