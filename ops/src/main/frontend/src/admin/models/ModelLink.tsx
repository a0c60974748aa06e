import { href } from '../route';
import { type ModelRef, refText } from './modelApi';

/** A model version, linked to its model's page. */
export function ModelLink({ model }: { model: ModelRef }) {
  return <a href={href({ screen: 'model', modelId: model.modelId })}>{refText(model)}</a>;
}
