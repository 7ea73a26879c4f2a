import type { WeChatResource } from '../types';
import { mediaUploadImage } from './uploadImage.operation';

export const media: WeChatResource = {
	value: 'media',
	name: 'Media',
	description: 'Images uploaded as temporary media (临时素材)',
	operations: [mediaUploadImage],
};
