// The shipment-template channels (issue 15, part 6). Operators and administrators save, rename,
// delete and apply templates; reviewers list and read them (the core checks the role). Applying
// changes nothing: it answers the draft fields the template fills.
import { z } from 'zod';
import {
  AppliedTemplateSchema,
  ShipmentTemplateSchema,
  TemplateNameInputSchema,
  TemplateRenameSchema,
  TemplateSaveSchema,
} from '../templates/shipment-template';

export const templatesContract = {
  'templates:list': { input: z.object({}).strict(), output: z.array(ShipmentTemplateSchema) },
  'templates:get': { input: TemplateNameInputSchema, output: ShipmentTemplateSchema },
  'templates:save': { input: TemplateSaveSchema, output: ShipmentTemplateSchema },
  'templates:rename': { input: TemplateRenameSchema, output: ShipmentTemplateSchema },
  'templates:delete': {
    input: TemplateNameInputSchema,
    output: z.object({ deleted: z.string() }).strict(),
  },
  'templates:apply': { input: TemplateNameInputSchema, output: AppliedTemplateSchema },
} as const;
